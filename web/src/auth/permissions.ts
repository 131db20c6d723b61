import { t } from "../i18n/catalogue";
/**
 * Permission strings, as in src/safecity/core/auth/permissions.py. The console decides what to show from
 * the user's permissions, never from the role name, so changing the role table on the server is enough.
 */
export const Permission = {
  USERS_MANAGE: "users.manage",
  AUDIT_READ: "audit.read",
  SYSTEM_MANAGE: "system.manage",
  CAMERAS_READ: "cameras.read",
  CAMERAS_MANAGE: "cameras.manage",
  EVENTS_READ: "events.read",
  ALERTS_ACT: "alerts.act",
  INCIDENTS_MANAGE: "incidents.manage",
  DISPATCH_MANAGE: "dispatch.manage",
  PLATES_SEARCH: "plates.search",
  FACES_SEARCH: "faces.search",
  FACES_CONFIRM: "faces.confirm",
  WATCHLISTS_MANAGE: "watchlists.manage",
  CHALLAN_READ: "challan.read",
  CHALLAN_VALIDATE: "challan.validate",
  EVIDENCE_READ: "evidence.read",
  EVIDENCE_MANAGE: "evidence.manage",
  EVIDENCE_EXPORT: "evidence.export",
  RETENTION_MANAGE: "retention.manage",
  REPORTS_MODERATE: "reports.moderate",
  MEDIA_UPLOAD: "media.upload",
  CALLS_TAKE: "calls.take",
  PERSONS_READ: "persons.read",
  PERSONS_MANAGE: "persons.manage",
  PERSONS_REVEAL_IDENTITY: "persons.reveal_identity",
  PERSONS_RENEW: "persons.renew",
  REGISTRIES_LOOKUP: "registries.lookup",
} as const;

export type PermissionName = (typeof Permission)[keyof typeof Permission];

/** Menus of the header: a group the user sees two or more items of is one menu button, else inline links. */
export type NavGroup = "desks" | "analysis" | "admin";

export interface NavItem {
  path: string;
  label: string;
  /** The user needs at least one of these. */
  anyOf: PermissionName[];
  group?: NavGroup;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: "/live", get label() {
      return t("auth.live");
    }, anyOf: [Permission.CAMERAS_READ, Permission.EVENTS_READ] },
  { path: "/alerts", get label() {
      return t("auth.alerts");
    }, anyOf: [Permission.ALERTS_ACT, Permission.FACES_CONFIRM] },
  { path: "/incidents", get label() {
      return t("auth.incidents");
    }, anyOf: [Permission.INCIDENTS_MANAGE, Permission.DISPATCH_MANAGE] },
  { path: "/helpline", get label() {
      return t("auth.helpline");
    }, anyOf: [Permission.CALLS_TAKE], group: "desks" },
  { path: "/panic", get label() {
      return t("auth.panicAlerts");
    }, anyOf: [Permission.ALERTS_ACT], group: "desks" },
  { path: "/reports", get label() {
      return t("auth.citizenReports");
    }, anyOf: [Permission.REPORTS_MODERATE], group: "desks" },
  { path: "/unit", get label() {
      return t("auth.unitView");
    }, anyOf: [Permission.DISPATCH_MANAGE], group: "desks" },
  { path: "/search", get label() {
      return t("auth.search");
    }, anyOf: [Permission.PLATES_SEARCH, Permission.FACES_SEARCH] },
  { path: "/challan", label: "E-challan", anyOf: [Permission.CHALLAN_READ, Permission.CHALLAN_VALIDATE] },
  { path: "/evidence", get label() {
      return t("auth.evidence");
    }, anyOf: [Permission.EVIDENCE_READ] },
  { path: "/dashboards", get label() {
      return t("auth.dashboards");
    }, anyOf: [Permission.EVENTS_READ], group: "analysis" },
  { path: "/analytics", get label() {
      return t("auth.crimeAnalytics");
    }, anyOf: [Permission.EVENTS_READ], group: "analysis" },
  { path: "/city-data", get label() {
      return t("auth.cityData");
    }, anyOf: [Permission.EVENTS_READ], group: "analysis" },
  { path: "/persons", get label() {
      return t("auth.personsOfInterest");
    }, anyOf: [Permission.PERSONS_READ], group: "analysis" },
  { path: "/admin/cameras", get label() {
      return t("auth.cameras");
    }, anyOf: [Permission.CAMERAS_MANAGE], group: "admin" },
  { path: "/admin/watchlists", get label() {
      return t("auth.watchlists");
    }, anyOf: [Permission.WATCHLISTS_MANAGE], group: "admin" },
  { path: "/admin/retention", get label() {
      return t("auth.retention");
    }, anyOf: [Permission.RETENTION_MANAGE], group: "admin" },
  { path: "/admin/users", get label() {
      return t("auth.users");
    }, anyOf: [Permission.USERS_MANAGE], group: "admin" },
  { path: "/audit", get label() {
      return t("auth.auditLog");
    }, anyOf: [Permission.AUDIT_READ], group: "admin" },
  { path: "/system", get label() {
      return t("auth.systemHealth");
    }, anyOf: [Permission.SYSTEM_MANAGE], group: "admin" },
];

export function can(permissions: readonly string[], anyOf: readonly string[]): boolean {
  return anyOf.some((permission) => permissions.includes(permission));
}

export function visibleNav(permissions: readonly string[], items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => can(permissions, item.anyOf));
}

/** Where to land after login: the first page the user may open, or null when there is none. */
export function homePath(permissions: readonly string[]): string | null {
  return visibleNav(permissions)[0]?.path ?? null;
}

/** After login: back to the page the user came from if their role may open it, else their home page. */
export function landingPath(from: string | undefined, permissions: readonly string[]): string {
  const allowed = from && visibleNav(permissions).some((item) => from === item.path || from.startsWith(`${item.path}/`));
  return (allowed ? from : homePath(permissions)) ?? "/";
}

export type NavEntry = { kind: "link"; item: NavItem } | { kind: "menu"; group: NavGroup; items: NavItem[] };

/**
 * The header's entries in menu order: a group of which two or more items are visible becomes one menu at
 * the place of its first item (so the header fits 1280 px for every role); a lone item stays a link.
 */
export function navEntries(items: readonly NavItem[]): NavEntry[] {
  const entries: NavEntry[] = [];
  for (const item of items) {
    const members = item.group ? items.filter((other) => other.group === item.group) : [];
    if (!item.group || members.length < 2) entries.push({ kind: "link", item });
    else if (members[0] === item) entries.push({ kind: "menu", group: item.group, items: members });
  }
  return entries;
}
