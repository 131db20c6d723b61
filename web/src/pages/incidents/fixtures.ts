/** Server-shaped records for tests. */
import type { LiveEvent } from "../../api/types";
import type { Assignment, Incident, Unit } from "./types";

export function incidentWith(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 7,
    type: "robbery",
    priority: 1,
    status: "new",
    title: "Robbery",
    description: null,
    origin: "manual",
    latitude: 31.5,
    longitude: 74.33,
    address: "",
    area: null,
    received_at: "2025-01-01T10:00:00Z",
    created_at: "2025-01-01T10:00:00Z",
    created_by: "operator",
    resolved_at: null,
    closed_at: null,
    updated_at: "2025-01-01T10:00:00Z",
    ...overrides,
  };
}

export function unitWith(overrides: Partial<Unit> = {}): Unit {
  return {
    id: "p-1",
    callsign: "P-1",
    type: "police_patrol",
    capabilities: ["police"],
    status: "available",
    area: null,
    latitude: 31.5,
    longitude: 74.33,
    location_at: null,
    current_assignment_id: null,
    incident_id: null,
    updated_at: "2025-01-01T10:00:00Z",
    ...overrides,
  };
}

export function assignmentWith(overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: 1,
    incident_id: 7,
    unit_id: "p-1",
    dispatched_by: "operator",
    estimated_travel_s: 120,
    dispatched_at: "2025-01-01T10:01:00Z",
    en_route_at: null,
    on_scene_at: null,
    transporting_at: null,
    cleared_at: null,
    ...overrides,
  };
}

/** A live event as the server sends it: the bus event's own fields at the top level. */
export function liveEvent(type: string, fields: Record<string, unknown>): LiveEvent {
  return { id: crypto.randomUUID(), type, time: "2025-01-01T10:05:00Z", camera_id: null, source: "api", payload: {}, ...fields };
}
