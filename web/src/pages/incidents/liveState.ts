/**
 * Merging `incident.*` and `unit.*` live events into what the pages show. The server sends each event as
 * the bus event's JSON: `incident.created` / `incident.updated` carry `incident` and `action`;
 * `unit.updated` carries `unit`, `action` and the `incident_id` of the assignment it concerns.
 */
import type { LiveEvent } from "../../api/types";
import { fieldOf, isRecord } from "../../live/eventFields";
import type { Incident, Unit } from "./types";

export function incidentOf(event: LiveEvent): Incident | null {
  if (event.type !== "incident.created" && event.type !== "incident.updated") return null;
  const incident = fieldOf(event, "incident");
  return isRecord(incident) && typeof incident.id === "number" && typeof incident.status === "string"
    ? (incident as unknown as Incident)
    : null;
}

export interface UnitChange {
  unit: Unit;
  action: string;
  incidentId: number | null;
}

export function unitChangeOf(event: LiveEvent): UnitChange | null {
  if (event.type !== "unit.updated") return null;
  const unit = fieldOf(event, "unit");
  if (!isRecord(unit) || typeof unit.id !== "string" || typeof unit.status !== "string") return null;
  const incidentId = fieldOf(event, "incident_id");
  const action = fieldOf(event, "action");
  return {
    unit: unit as unknown as Unit,
    action: typeof action === "string" ? action : "",
    incidentId: typeof incidentId === "number" ? incidentId : null,
  };
}

/** Replace the item with the same id, or add it; an older copy (by `updated_at`) never replaces a newer one. */
export function upsert<T extends { id: string | number; updated_at: string }>(items: T[], item: T): T[] {
  const index = items.findIndex((existing) => existing.id === item.id);
  if (index < 0) return [...items, item];
  const current = items[index] as T;
  if (Date.parse(item.updated_at) < Date.parse(current.updated_at)) return items;
  const next = [...items];
  next[index] = item;
  return next;
}

/** The dispatch board: every unit (each names its current incident) and the incidents it can name. */
export interface BoardState {
  units: Unit[];
  /** incidents the board can name (title, priority) */
  incidents: Record<number, Incident>;
}

export const EMPTY_BOARD: BoardState = { units: [], incidents: {} };

export type BoardAction =
  | { kind: "loaded"; units: Unit[]; incidents: Incident[] }
  | { kind: "unit"; unit: Unit }
  | { kind: "event"; event: LiveEvent };

const byId = (a: Unit, b: Unit) => a.id.localeCompare(b.id);

export function boardReducer(state: BoardState, action: BoardAction): BoardState {
  switch (action.kind) {
    case "loaded":
      // Keep any unit a live event made newer than the snapshot (the snapshot may have been read before it).
      return {
        units: state.units.reduce(upsert<Unit>, action.units).sort(byId),
        incidents: { ...state.incidents, ...Object.fromEntries(action.incidents.map((i) => [i.id, i])) },
      };
    case "unit":
      return { ...state, units: upsert(state.units, action.unit).sort(byId) };
    case "event":
      return applyEvent(state, action.event);
  }
}

function applyEvent(state: BoardState, event: LiveEvent): BoardState {
  const incident = incidentOf(event);
  if (incident) {
    const known = state.incidents[incident.id];
    if (known && Date.parse(incident.updated_at) < Date.parse(known.updated_at)) return state;
    return { ...state, incidents: { ...state.incidents, [incident.id]: incident } };
  }
  const change = unitChangeOf(event);
  if (!change) return state;
  return { ...state, units: upsert(state.units, change.unit).sort(byId) };
}
