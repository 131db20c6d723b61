import { useEffect, useRef } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { useAuth } from "../auth/AuthContext";
import { visibleNav } from "../auth/permissions";
import { AlarmPopup } from "../pages/alerts/AlarmPopup";
import { HealthPill } from "./HealthPill";

const ROLE_LABELS: Record<string, string> = { traffic_officer: "traffic officer" };

export function Layout() {
  const { session, logout } = useAuth();
  const location = useLocation();
  const shellRef = useRef<HTMLDivElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // On arrival (e.g. right after login) focus starts at the top, like a fresh page load: Tab reaches the
  // skip link, then the navigation. After later navigation focus moves to the new page's content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      if (!shellRef.current?.contains(document.activeElement)) shellRef.current?.focus();
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  if (!session) return null;
  const items = visibleNav(session.user.permissions);
  return (
    <div className="shell" ref={shellRef} tabIndex={-1}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">safecity</span>
        <nav aria-label="Main">
          <ul className="nav">
            {items.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-right">
          <HealthPill />
          <span className="whoami" data-testid="whoami">
            {session.user.full_name || session.user.username}{" "}
            <span className="muted">({ROLE_LABELS[session.user.role] ?? session.user.role})</span>
          </span>
          <button type="button" className="btn btn-quiet" onClick={logout}>
            Log out
          </button>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
      <AlarmPopup />
    </div>
  );
}
