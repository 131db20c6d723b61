/**
 * The incident and unit lifecycles as the server enforces them (src/safecity/dispatch/states.py), with
 * words and colours for each state. Colour is never the only cue: every badge also shows the label.
 */
import type { IncidentStatus, UnitStatus, UnitType } from "./types";

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

export const INCIDENT_STATUS_LOOK: Record<IncidentStatus, Look> = {
  new: { label: "New", color: "#ff7b72" },
  dispatched: { label: "Dispatched", color: "#d29922" },
  on_scene: { label: "On scene", color: "#58a6ff" },
  resolved: { label: "Resolved", color: "#3fb950" },
  closed: { label: "Closed", color: "#8b949e" },
  cancelled: { label: "Cancelled", color: "#8b949e" },
};

/** The verb on the button that moves an incident into a status. */
export const INCIDENT_ACTION_LABEL: Record<IncidentStatus, string> = {
  new: "Reopen",
  dispatched: "Mark dispatched",
  on_scene: "Mark on scene",
  resolved: "Resolve",
  closed: "Close",
  cancelled: "Cancel incident",
};

export const UNIT_STATUS_LOOK: Record<UnitStatus, Look> = {
  available: { label: "Available", color: "#3fb950" },
  dispatched: { label: "Dispatched", color: "#d29922" },
  en_route: { label: "En route", color: "#f0883e" },
  on_scene: { label: "On scene", color: "#58a6ff" },
  transporting: { label: "Transporting", color: "#a371f7" },
  cleared: { label: "Cleared", color: "#39c5cf" },
  out_of_service: { label: "Out of service", color: "#8b949e" },
};

export const PRIORITIES: readonly number[] = [1, 2, 3, 4, 5];

const PRIORITY_LOOK: Record<number, Look> = {
  1: { label: "P1 Critical", color: "#f85149" },
  2: { label: "P2 High", color: "#f0883e" },
  3: { label: "P3 Medium", color: "#d29922" },
  4: { label: "P4 Low", color: "#58a6ff" },
  5: { label: "P5 Routine", color: "#8b949e" },
};

export function priorityLook(priority: number): Look {
  return PRIORITY_LOOK[priority] ?? { label: `P${priority}`, color: "#8b949e" };
}

export const UNIT_TYPES: readonly UnitType[] = ["police_patrol", "dolphin", "pru", "ambulance", "fire"];

export const UNIT_TYPE_LABEL: Record<UnitType, string> = {
  police_patrol: "Police patrol",
  dolphin: "Dolphin (motorcycle)",
  pru: "Police response unit",
  ambulance: "Ambulance (Rescue 1122)",
  fire: "Fire",
};

export function unitTypeLabel(type: string): string {
  return UNIT_TYPE_LABEL[type as UnitType] ?? type;
}
