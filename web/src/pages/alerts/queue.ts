/**
 * The alert queue's rules, free of React: which alerts a filter shows, the order operators work them in,
 * how a live `alert.*` event changes the list, and which actions an alert's status allows (the transition
 * table of src/safecity/alerts/states.py, so the console never offers what the server would refuse).
 */
import type { QueryOf } from "../../api/schemas";
import type { LiveEvent } from "../../api/types";
import { ALERT_STATUSES, SEVERITIES, type Alert, type AlertStatus, type Severity } from "./types";
import { t } from "../../i18n/catalogue";

export const OPEN_STATUSES: readonly AlertStatus[] = ["new", "escalated", "acknowledged", "assigned", "confirmed"];
const CLOSED_STATUSES: readonly AlertStatus[] = ["dismissed", "resolved"];

/** "open" is every status that still needs work; otherwise one status, or "" for all. */
export type StatusFilter = "open" | "" | AlertStatus;

export interface QueueFilters {
  status: StatusFilter;
  cameraId: string;
  severity: Severity | "";
}

export const DEFAULT_FILTERS: QueueFilters = { status: "open", cameraId: "", severity: "" };
export const QUEUE_LIMIT = 200;

export function statusesOf(filter: StatusFilter): readonly AlertStatus[] {
  if (filter === "open") return OPEN_STATUSES;
  return filter ? [filter] : [];
}

/** The query of GET /api/v1/alerts for the queue's filters (`status` repeats; empty filters are left out). */
export function alertsQuery(filters: QueueFilters, limit = QUEUE_LIMIT): QueryOf<"/api/v1/alerts", "get"> {
  return {
    status: [...statusesOf(filters.status)],
    severity: filters.severity ? [filters.severity] : [],
    camera_id: filters.cameraId,
    limit,
  };
}

export function matchesFilters(alert: Alert, filters: QueueFilters): boolean {
  const statuses = statusesOf(filters.status);
  return (
    (statuses.length === 0 || statuses.includes(alert.status)) &&
    (!filters.severity || alert.severity === filters.severity) &&
    (!filters.cameraId || alert.camera_id === filters.cameraId)
  );
}

function severityRank(severity: Severity): number {
  const rank = SEVERITIES.indexOf(severity);
  return rank === -1 ? SEVERITIES.length : rank;
}

function isClosed(alert: Alert): boolean {
  return CLOSED_STATUSES.includes(alert.status);
}

/**
 * Open before closed, critical alarms first, then the server's priority score (severity, watchlist category,
 * repeats, time waiting), then most severe, then the newest activity, then the newest alert.
 */
export function compareAlerts(a: Alert, b: Alert): number {
  return (
    Number(isClosed(a)) - Number(isClosed(b)) ||
    Number(b.critical ?? false) - Number(a.critical ?? false) ||
    (b.priority ?? 0) - (a.priority ?? 0) ||
    severityRank(a.severity) - severityRank(b.severity) ||
    Date.parse(b.last_seen) - Date.parse(a.last_seen) ||
    b.id - a.id
  );
}

export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(compareAlerts);
}

/**
 * Put a changed or new alert into the list. An older copy than the one held (events and action responses
 * can cross) is ignored; an alert that no longer matches the filters leaves the list.
 */
export function mergeAlert(alerts: readonly Alert[], incoming: Alert, filters: QueueFilters): Alert[] {
  const held = alerts.find((a) => a.id === incoming.id);
  if (held && Date.parse(held.updated_at) > Date.parse(incoming.updated_at)) return [...alerts];
  const others = alerts.filter((a) => a.id !== incoming.id);
  return sortAlerts(matchesFilters(incoming, filters) ? [...others, incoming] : others);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The alert an `alert.*` live event carries (AlertView under `alert`), or null when it has none. */
export function alertOfEvent(event: LiveEvent): Alert | null {
  if (!event.type.startsWith("alert.")) return null;
  const carried: unknown = (event as LiveEvent & { alert?: unknown }).alert ?? event.payload?.alert;
  if (!isRecord(carried)) return null;
  const valid =
    typeof carried.id === "number" &&
    typeof carried.title === "string" &&
    typeof carried.updated_at === "string" &&
    typeof carried.last_seen === "string" &&
    ALERT_STATUSES.includes(carried.status as AlertStatus) &&
    SEVERITIES.includes(carried.severity as Severity);
  return valid ? (carried as unknown as Alert) : null;
}

/** Who did what, from an `alert.*` event (`action`, `actor`), for the status line. */
export function actionOfEvent(event: LiveEvent): { action: string; actor: string } {
  const extra = event as LiveEvent & { action?: unknown; actor?: unknown };
  return {
    action: typeof extra.action === "string" ? extra.action : "",
    actor: typeof extra.actor === "string" ? extra.actor : "",
  };
}

/** Closing an alarm says what it was: the measure of each rule's precision on the dashboards. */
export type Disposition = "true" | "false" | "nuisance";
export type CloseAction = `close_${Disposition}`;
export const CLOSE_ACTIONS: readonly CloseAction[] = ["close_true", "close_false", "close_nuisance"];
export const dispositionOf = (action: CloseAction): Disposition => action.slice("close_".length) as Disposition;

export type AlertAction = "acknowledge" | "assign" | "dismiss" | "escalate" | "incident" | CloseAction;

export function isCloseAction(action: AlertAction): action is CloseAction {
  return (CLOSE_ACTIONS as readonly string[]).includes(action);
}

/** Target status of each status-changing action; "incident" links instead (allowed while open). */
const TARGET: Record<Exclude<AlertAction, "incident">, AlertStatus> = {
  acknowledge: "acknowledged",
  assign: "assigned",
  dismiss: "dismissed",
  escalate: "escalated",
  close_true: "resolved",
  close_false: "resolved",
  close_nuisance: "resolved",
};

const LIVE: readonly AlertStatus[] = ["acknowledged", "assigned", "confirmed", "dismissed", "escalated", "resolved"];
export const TRANSITIONS: Record<AlertStatus, readonly AlertStatus[]> = {
  new: LIVE,
  escalated: LIVE,
  acknowledged: LIVE.filter((s) => s !== "acknowledged"),
  assigned: LIVE.filter((s) => s !== "acknowledged"),
  confirmed: ["assigned", "escalated", "resolved"],
  dismissed: [],
  resolved: [],
};

export interface ActionPermissions {
  act: boolean;
  manageIncidents: boolean;
}

export function isAllowed(alert: Alert, action: AlertAction, permissions: ActionPermissions): boolean {
  if (action === "incident") {
    return permissions.manageIncidents && alert.incident_id === null && OPEN_STATUSES.includes(alert.status);
  }
  return permissions.act && TRANSITIONS[alert.status].includes(TARGET[action]);
}

export function allowedActions(alert: Alert, permissions: ActionPermissions): AlertAction[] {
  const all: AlertAction[] = ["acknowledge", "assign", "escalate", "dismiss", "incident", ...CLOSE_ACTIONS];
  return all.filter((action) => isAllowed(alert, action, permissions));
}

/** Why an action is not offered, in words for the status line. */
export function refusalReason(alert: Alert, action: AlertAction, permissions: ActionPermissions): string {
  if (action === "incident") {
    if (!permissions.manageIncidents) return t("alerts.yourRoleMayNot");
    if (alert.incident_id !== null) return t("alerts.alertAlreadyHasIncident", { id: alert.id, incident_id: alert.incident_id });
  } else if (!permissions.act) {
    return t("alerts.yourRoleMayNot2");
  }
  return t("alerts.alertIsItCannot", { id: alert.id, status: alert.status, value: ACTION_PAST[action] });
}

export const ACTION_PAST: Record<AlertAction, string> = {
  acknowledge: "acknowledged",
  assign: "assigned",
  dismiss: "dismissed",
  escalate: "escalated",
  get incident() {
    return t("alerts.turnedIntoAnIncident");
  },
  get close_true() {
    return t("alerts.closedAsTrue");
  },
  get close_false() {
    return t("alerts.closedAsFalse");
  },
  get close_nuisance() {
    return t("alerts.closedAsANuisance");
  },
};
