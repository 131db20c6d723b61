/**
 * The incident and unit lifecycles as the server enforces them (src/safecity/dispatch/states.py), with
 * words and colours for each state. Colour is never the only cue: every badge also shows the label.
 */
import type { IncidentStatus, UnitStatus, UnitType } from "./types";
import { messageRecord, t, type MessageKey } from "../../i18n/catalogue";

export const INCIDENT_STATUSES: readonly IncidentStatus[] = [
  "new",
  "dispatched",
  "on_scene",
  "resolved",
  "closed",
  "cancelled",
];

/** Incidents still needing attention: the list's default filter. */
export const OPEN_INCIDENT_STATUSES: readonly IncidentStatus[] = ["new", "dispatched", "on_scene"];

export const INCIDENT_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  new: ["dispatched", "resolved", "cancelled"],
  dispatched: ["on_scene", "resolved", "cancelled"],
  on_scene: ["resolved"],
  resolved: ["closed"],
  closed: [],
  cancelled: [],
};

/** Incidents a unit may still be dispatched to. */
export const DISPATCHABLE: readonly IncidentStatus[] = ["new", "dispatched", "on_scene"];

export const UNIT_STATUSES: readonly UnitStatus[] = [
  "available",
  "dispatched",
  "en_route",
  "on_scene",
  "transporting",
  "cleared",
  "out_of_service",
];

export const UNIT_TRANSITIONS: Record<UnitStatus, readonly UnitStatus[]> = {
  available: ["out_of_service"],
  dispatched: ["en_route", "on_scene", "cleared"],
  en_route: ["on_scene", "cleared"],
  on_scene: ["transporting", "cleared"],
  transporting: ["cleared"],
  cleared: ["available", "out_of_service"],
  out_of_service: ["available"],
};

/** The status buttons to offer for an incident: exactly the moves the server allows. */
export function incidentActions(status: IncidentStatus): IncidentStatus[] {
  return [...(INCIDENT_TRANSITIONS[status] ?? [])];
}

/** The status buttons to offer for a unit. "dispatched" is absent: only an assignment puts a unit there. */
export function unitActions(status: UnitStatus): UnitStatus[] {
  return [...(UNIT_TRANSITIONS[status] ?? [])];
}

export function canDispatchTo(status: IncidentStatus): boolean {
  return DISPATCHABLE.includes(status);
}

interface Look {
  label: string;
  color: string;
}

/** A label from the message catalogue, read in the current language each time, and a colour. */
const look = (key: MessageKey, color: string): Look => ({
  get label() {
    return t(key);
  },
  color,
});

export const INCIDENT_STATUS_LOOK: Record<IncidentStatus, Look> = {
  new: look("incidents.status.new", "#ff7b72"),
  dispatched: look("incidents.status.dispatched", "#d29922"),
  on_scene: look("incidents.status.on_scene", "#58a6ff"),
  resolved: look("incidents.status.resolved", "#3fb950"),
  closed: look("incidents.status.closed", "#8b949e"),
  cancelled: look("incidents.status.cancelled", "#8b949e"),
};

/** The verb on the button that moves an incident into a status. */
export const INCIDENT_ACTION_LABEL: Record<IncidentStatus, string> = messageRecord({
  new: "incidents.action.new",
  dispatched: "incidents.action.dispatched",
  on_scene: "incidents.action.on_scene",
  resolved: "incidents.action.resolved",
  closed: "incidents.action.closed",
  cancelled: "incidents.action.cancelled",
});

export const UNIT_STATUS_LOOK: Record<UnitStatus, Look> = {
  available: look("units.status.available", "#3fb950"),
  dispatched: look("units.status.dispatched", "#d29922"),
  en_route: look("units.status.en_route", "#f0883e"),
  on_scene: look("units.status.on_scene", "#58a6ff"),
  transporting: look("units.status.transporting", "#a371f7"),
  cleared: look("units.status.cleared", "#39c5cf"),
  out_of_service: look("units.status.out_of_service", "#8b949e"),
};

export const PRIORITIES: readonly number[] = [1, 2, 3, 4, 5];

const PRIORITY_LOOK: Record<number, Look> = {
  1: look("priority.1", "#f85149"),
  2: look("priority.2", "#f0883e"),
  3: look("priority.3", "#d29922"),
  4: look("priority.4", "#58a6ff"),
  5: look("priority.5", "#8b949e"),
};

export function priorityLook(priority: number): Look {
  return PRIORITY_LOOK[priority] ?? { label: `P${priority}`, color: "#8b949e" };
}

export const UNIT_TYPES: readonly UnitType[] = ["police_patrol", "dolphin", "pru", "ambulance", "fire"];

export const UNIT_TYPE_LABEL: Record<UnitType, string> = {
  get police_patrol() {
    return t("incidents.policePatrol");
  },
  dolphin: "Dolphin (motorcycle)",
  get pru() {
    return t("incidents.policeResponseUnit");
  },
  ambulance: "Ambulance (Rescue 1122)",
  get fire() {
    return t("incidents.fire");
  },
};

export function unitTypeLabel(type: string): string {
  return UNIT_TYPE_LABEL[type as UnitType] ?? type;
}
