/**
 * The console's names for the API's shapes. Models come from the generated contract (`Schemas`, see
 * schemas.ts); only what the OpenAPI document does not describe is written out here.
 */
import type { Schemas } from "./schemas";

export type Role = Schemas["Role"];

export const ROLES = [
  "admin",
  "supervisor",
  "operator",
  "investigator",
  "traffic_officer",
  "auditor",
] as const satisfies readonly Role[];

export type User = Schemas["UserOut"];
export type Camera = Schemas["CameraOut"];

/** The health states the console knows how to show (the API sends them as a plain string). */
export type CameraState =
  | "online"
  | "offline"
  | "frozen"
  | "covered"
  | "defocused"
  | "dark"
  | "scene_changed"
  | "unknown";

/** One event from the live WebSocket (not part of the OpenAPI document). */
export interface LiveEvent {
  id: string;
  type: string;
  time: string;
  camera_id: string | null;
  source: string;
  payload: Record<string, unknown>;
}
