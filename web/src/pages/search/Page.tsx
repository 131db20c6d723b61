import type { ReactNode } from "react";
import { Navigate, Route } from "react-router";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { SectionRoutes } from "../../components/SectionRoutes";
import { SectionTabs } from "../../components/SectionTabs";
import type { MessageKey } from "../../i18n/catalogue";
import { EventsSearch } from "./EventsSearch";
import { FacesSearch } from "./FacesSearch";
import { PersonsSearch } from "./PersonsSearch";
import { PlatesSearch } from "./PlatesSearch";
import "./search.css";
import { t } from "../../i18n/catalogue";

interface SearchTab {
  path: string;
  label: MessageKey;
  permission: string;
  element: () => ReactNode;
}

const TABS: readonly SearchTab[] = [
  { path: "plates", label: "search.plates", permission: Permission.PLATES_SEARCH, element: () => <PlatesSearch /> },
  { path: "faces", label: "search.faces", permission: Permission.FACES_SEARCH, element: () => <FacesSearch /> },
  { path: "persons", label: "search.findAPerson", permission: Permission.FACES_SEARCH, element: () => <PersonsSearch /> },
  { path: "events", label: "search.events2", permission: Permission.EVENTS_READ, element: () => <EventsSearch /> },
];

/** Investigative search (`/search`): plates, faces, people across cameras and stored events, each under its own sub-path. */
export default function SearchPage() {
  const { can } = useAuth();
  const tabs = TABS.filter((tab) => can(tab.permission));
  const first = tabs[0];
  return (
    <section className="search-page">
      <h1>{t("search.search")}</h1>
      <SectionTabs label={t("search.searchKind")} tabs={tabs.map((tab) => ({ to: tab.path, label: t(tab.label) }))} />
      <SectionRoutes otherwise={<p className="state">Not permitted, or no such search.</p>}>
        <Route index element={first ? <Navigate to={first.path} replace /> : <p className="state">Nothing to search with your role.</p>} />
        {tabs.map((tab) => (
          <Route key={tab.path} path={tab.path} element={tab.element()} />
        ))}
      </SectionRoutes>
    </section>
  );
}
