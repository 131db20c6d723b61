/** Shapes of the backend's JSON, mirrored from the FastAPI models (src/safecity/core/...). */

export type Role = "admin" | "supervisor" | "operator" | "investigator" | "traffic_officer" | "auditor";

export const ROLES: readonly Role[] = [
  "admin",
  "supervisor",
  "operator",
  "investigator",
  "traffic_officer",
  "auditor",
];

export interface User {
  username: string;
  full_name: string;
  role: Role;
  is_active: boolean;
  permissions: string[];
}

export interface LoginResponse {
  access_token: string;
  token_type: string;
  expires_at: string;
  user: User;
}

export interface AuditEntry {
  seq: number;
  time: string;
  actor: string;
  role: string;
  action: string;
  object_type: string;
  object_id: string;
  purpose: string;
  case_ref: string;
  client_address: string;
  details: string;
  hash: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  first_bad_entry: number | null;
  problem: string | null;
}

export interface HealthCheck {
  ok: boolean;
  reason?: string;
  [key: string]: unknown;
}

export interface Health {
  status: "ok" | "degraded";
  version: string;
  checks: Record<string, HealthCheck>;
}

export type CameraState =
  | "online"
  | "offline"
  | "frozen"
  | "covered"
  | "defocused"
  | "dark"
  | "scene_changed"
  | "unknown";

export interface CameraHealth {
  state: CameraState;
  since: string | null;
  fps: number | null;
}

export interface Camera {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  district: string;
  enabled: boolean;
  health: CameraHealth;
}

/** One event from the live WebSocket. */
export interface LiveEvent {
  id: string;
  type: string;
  time: string;
  camera_id: string | null;
  source: string;
  payload: Record<string, unknown>;
}
