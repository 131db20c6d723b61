import type { ReactNode } from "react";
import { Navigate, NavLink, Route, Routes } from "react-router";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { EventsSearch } from "./EventsSearch";
import { FacesSearch } from "./FacesSearch";
import { PersonsSearch } from "./PersonsSearch";
import { PlatesSearch } from "./PlatesSearch";
import "./search.css";
import { t } from "../../i18n/catalogue";

interface SearchTab {
  path: string;
  label: string;
  permission: string;
  element: () => ReactNode;
}

const TABS: readonly SearchTab[] = [
  { path: "plates", get label() {
      return t("search.plates");
    }, permission: Permission.PLATES_SEARCH, element: () => <PlatesSearch /> },
  { path: "faces", get label() {
      return t("search.faces");
    }, permission: Permission.FACES_SEARCH, element: () => <FacesSearch /> },
  { path: "persons", get label() {
      return t("search.findAPerson");
    }, permission: Permission.FACES_SEARCH, element: () => <PersonsSearch /> },
  { path: "events", get label() {
      return t("search.events2");
    }, permission: Permission.EVENTS_READ, element: () => <EventsSearch /> },
];

/** Investigative search (`/search`): plates, faces, people across cameras and stored events, each under its own sub-path. */
export default function SearchPage() {
  const { can } = useAuth();
  const tabs = TABS.filter((tab) => can(tab.permission));
  const first = tabs[0];
  return (
    <section className="search-page">
      <h1>{t("search.search")}</h1>
      <nav aria-label={t("search.searchKind")}>
        <ul className="tabs">
          {tabs.map((tab) => (
            <li key={tab.path}>
              <NavLink to={tab.path}>{tab.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={first ? <Navigate to={first.path} replace /> : <p className="state">Nothing to search with your role.</p>} />
        {tabs.map((tab) => (
          <Route key={tab.path} path={tab.path} element={tab.element()} />
        ))}
        <Route path="*" element={<p className="state">Not permitted, or no such search.</p>} />
      </Routes>
    </section>
  );
}
