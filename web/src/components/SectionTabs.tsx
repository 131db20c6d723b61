import { NavLink } from "react-router";

/** One tab of a `SectionTabs`: where it leads and its name; `end` marks the area's index (active only there). */
export interface SectionTab {
  to: string;
  label: string;
  end?: boolean;
}

/** An area's sub-pages as a row of tabs, the current one marked by the router (aria-current="page"). */
export function SectionTabs({ label, tabs }: { label: string; tabs: readonly SectionTab[] }) {
  return (
    <nav aria-label={label}>
      <ul className="tabs">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
