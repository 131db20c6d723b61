/** The camera API's shapes, from the API's schema (src/safecity/cameras/schemas.py). */
import type { Schemas } from "../../api/schemas";

/** A camera; credentials in its URLs are masked by the server (`rtsp://user:***@host/...`). */
export type CameraOut = Schemas["CameraOut"];
export type UptimeDayOut = Schemas["UptimeDayOut"];
export type UptimeOut = Schemas["UptimeOut"];

/**
 * What the camera form and the scene editor send: CameraCreate's fields when creating (`createRequest` fills
 * the required ones), CameraUpdate's when changing (only what changed).
 */
export interface CameraWrite {
  id?: string;
  name?: string;
  url?: string;
  sub_url?: string | null;
  username?: string | null;
  password?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  district?: string | null;
  zone?: string | null;
  owner?: string;
  enabled?: boolean;
  loop?: boolean;
  detect_fps?: number;
  analytics_profile?: string;
  worker?: string | null;
  scene?: Record<string, unknown>;
}
