import { useEffect, useRef } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { useAuth } from "../auth/AuthContext";
import { navEntries, visibleNav, type NavGroup } from "../auth/permissions";
import { LANGUAGES, setLanguage, t, useLanguage, type MessageKey } from "../i18n/catalogue";
import { timeZone } from "../format/dateTime";
import { AlarmPopup } from "../pages/alerts/AlarmPopup";
import { HealthPill } from "./HealthPill";
import { NavMenu } from "./NavMenu";

const ROLE_LABELS: Record<string, string> = { get traffic_officer() {
    return t("common.trafficOfficer");
  } };
const GROUP_LABELS: Record<NavGroup, MessageKey> = { desks: "nav.desks", analysis: "nav.analysis", admin: "nav.admin" };

export function Layout() {
  const { session, logout } = useAuth();
  const location = useLocation();
  const shellRef = useRef<HTMLDivElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const language = useLanguage();

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
        {t("common.skipToContent")}
      </a>
      <header className="topbar">
        <span className="brand">{t("common.safecity")}</span>
        <nav aria-label={t("common.main")}>
          <ul className="nav">
            {navEntries(items).map((entry) =>
              entry.kind === "link" ? (
                <li key={entry.item.path}>
                  <NavLink to={entry.item.path}>{entry.item.label}</NavLink>
                </li>
              ) : (
                <NavMenu key={entry.group} label={t(GROUP_LABELS[entry.group])} items={entry.items} />
              ),
            )}
          </ul>
        </nav>
        <div className="topbar-right">
          <HealthPill />
          {LANGUAGES.length > 1 ? (
            <select
              className="language-select"
              aria-label={t("header.language")}
              value={language.code}
              onChange={(event) => setLanguage(event.target.value)}
            >
              {LANGUAGES.map((option) => (
                <option key={option.code} value={option.code} lang={option.code}>
                  {option.name}
                </option>
              ))}
            </select>
          ) : null}
          <span className="whoami" data-testid="whoami" title={`${session.user.full_name || session.user.username} (${ROLE_LABELS[session.user.role] ?? session.user.role})`}>
            {session.user.full_name || session.user.username}
            <span className="visually-hidden"> ({ROLE_LABELS[session.user.role] ?? session.user.role})</span>
          </span>
          <button type="button" className="btn btn-quiet" onClick={logout}>
            {t("header.logout")}
          </button>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {/* A new language or time zone draws every page again in it. */}
        <Outlet key={`${language.code}:${timeZone()}`} />
      </main>
      <AlarmPopup />
    </div>
  );
}
