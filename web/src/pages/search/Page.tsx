import type { ReactNode } from "react";
import { Navigate, NavLink, Route, Routes } from "react-router";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { EventsSearch } from "./EventsSearch";
import { FacesSearch } from "./FacesSearch";
import { PersonsSearch } from "./PersonsSearch";
import { PlatesSearch } from "./PlatesSearch";
import "./search.css";

interface SearchTab {
  path: string;
  label: string;
  permission: string;
  element: () => ReactNode;
}

const TABS: readonly SearchTab[] = [
  { path: "plates", label: "Plates", permission: Permission.PLATES_SEARCH, element: () => <PlatesSearch /> },
  { path: "faces", label: "Faces", permission: Permission.FACES_SEARCH, element: () => <FacesSearch /> },
  { path: "persons", label: "Find a person", permission: Permission.FACES_SEARCH, element: () => <PersonsSearch /> },
  { path: "events", label: "Events", permission: Permission.EVENTS_READ, element: () => <EventsSearch /> },
];

/** Investigative search (`/search`): plates, faces, people across cameras and stored events, each under its own sub-path. */
export default function SearchPage() {
  const { can } = useAuth();
  const tabs = TABS.filter((tab) => can(tab.permission));
  const first = tabs[0];
  return (
    <section className="search-page">
      <h1>Search</h1>
      <nav aria-label="Search kind">
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
