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
} as const;

export type PermissionName = (typeof Permission)[keyof typeof Permission];

export interface NavItem {
  path: string;
  label: string;
  /** The user needs at least one of these. */
  anyOf: PermissionName[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: "/live", label: "Live", anyOf: [Permission.CAMERAS_READ, Permission.EVENTS_READ] },
  { path: "/alerts", label: "Alerts", anyOf: [Permission.ALERTS_ACT, Permission.FACES_CONFIRM] },
  { path: "/incidents", label: "Incidents", anyOf: [Permission.INCIDENTS_MANAGE, Permission.DISPATCH_MANAGE] },
  { path: "/search", label: "Search", anyOf: [Permission.PLATES_SEARCH, Permission.FACES_SEARCH] },
  { path: "/challan", label: "E-challan", anyOf: [Permission.CHALLAN_READ, Permission.CHALLAN_VALIDATE] },
  { path: "/evidence", label: "Evidence", anyOf: [Permission.EVIDENCE_READ] },
  { path: "/dashboards", label: "Dashboards", anyOf: [Permission.EVENTS_READ] },
  { path: "/analytics", label: "Crime analytics", anyOf: [Permission.EVENTS_READ] },
  { path: "/admin/cameras", label: "Cameras", anyOf: [Permission.CAMERAS_MANAGE] },
  { path: "/admin/watchlists", label: "Watchlists", anyOf: [Permission.WATCHLISTS_MANAGE] },
  { path: "/admin/retention", label: "Retention", anyOf: [Permission.RETENTION_MANAGE] },
  { path: "/admin/users", label: "Users", anyOf: [Permission.USERS_MANAGE] },
  { path: "/audit", label: "Audit log", anyOf: [Permission.AUDIT_READ] },
  { path: "/system", label: "System health", anyOf: [Permission.SYSTEM_MANAGE] },
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
