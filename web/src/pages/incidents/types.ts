/** Shapes of the dispatch API's JSON, mirrored from src/safecity/dispatch/schemas.py and api_*.py. */

export type IncidentStatus = "new" | "dispatched" | "on_scene" | "resolved" | "closed" | "cancelled";

export type UnitStatus =
  | "available"
  | "dispatched"
  | "en_route"
  | "on_scene"
  | "transporting"
  | "cleared"
  | "out_of_service";

export type UnitType = "police_patrol" | "dolphin" | "pru" | "ambulance" | "fire";

export type LinkKind = "alert" | "evidence" | "person" | "vehicle" | "call" | "report";

export interface IncidentType {
  code: string;
  label: string;
  priority: number;
  capability: string;
}

export interface Incident {
  id: number;
  type: string;
  priority: number;
  status: IncidentStatus;
  title: string;
  /** What was reported, in words; null when none was given. */
  description: string | null;
  origin: string;
  latitude: number | null;
  longitude: number | null;
  address: string;
  area: string | null;
  received_at: string;
  created_at: string;
  created_by: string;
  resolved_at: string | null;
  closed_at: string | null;
  updated_at: string;
}

export interface IncidentLink {
  id: number;
  kind: LinkKind;
  ref: string;
  note: string;
  created_at: string;
  created_by: string;
}

export interface LogEntry {
  id: number;
  time: string;
  author: string;
  /** note, status, dispatch, unit, location, link */
  kind: string;
  text: string;
}

export interface Unit {
  id: string;
  callsign: string;
  type: UnitType;
  capabilities: string[];
  status: UnitStatus;
  area: string | null;
  latitude: number | null;
  longitude: number | null;
  location_at: string | null;
  current_assignment_id: number | null;
  /** The incident the current assignment serves (null when the unit has none). */
  incident_id: number | null;
  updated_at: string;
}

export interface Assignment {
  id: number;
  incident_id: number;
  unit_id: string;
  dispatched_by: string;
  estimated_travel_s: number | null;
  dispatched_at: string;
  en_route_at: string | null;
  on_scene_at: string | null;
  transporting_at: string | null;
  cleared_at: string | null;
}

export interface IncidentDetail {
  incident: Incident;
  links: IncidentLink[];
  log: LogEntry[];
  assignments: Assignment[];
  /** call_processing, turnout, travel, total_response in seconds (null until known). */
  times: Record<string, number | null>;
}

export interface Recommendation {
  unit: Unit;
  distance_m: number;
  travel_s: number;
}

export interface NearbyCamera {
  camera_id: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
  distance_m: number;
  health: string;
  health_since: string | null;
}

export interface Situation {
  incident: Incident;
  recommended_units: Recommendation[];
  cameras: NearbyCamera[];
}

export interface IncidentCreate {
  type: string;
  title: string;
  /** What was reported (at most 5000 characters); null for none. */
  description: string | null;
  priority: number | null;
  latitude: number | null;
  longitude: number | null;
  address: string;
}

export interface UnitCreate {
  id: string;
  callsign: string;
  type: UnitType;
  area: string | null;
  latitude: number | null;
  longitude: number | null;
}
