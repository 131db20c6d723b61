/** The camera API's shapes (src/safecity/cameras/schemas.py), as this page uses them. */

export interface CameraHealthOut {
  state: string;
  since: string | null;
  fps: number;
  reason: string;
  bitrate_bps: number;
  reported_at: string | null;
}

export interface CameraOut {
  id: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
  district: string | null;
  zone: string | null;
  owner: string;
  /** Credentials are masked by the server (`rtsp://user:***@host/...`). */
  url: string;
  sub_url: string | null;
  username: string | null;
  has_password: boolean;
  enabled: boolean;
  loop: boolean;
  detect_fps: number;
  analytics_profile: string;
  scene: Record<string, unknown>;
  worker: string | null;
  managed_by: string;
  created_at: string;
  updated_at: string;
  health: CameraHealthOut;
}

export interface UptimeDayOut {
  day: string;
  observed_seconds: number;
  available_percent: number | null;
  healthy_percent: number | null;
}

export interface UptimeOut {
  camera_id: string;
  days: UptimeDayOut[];
}

/** The fields POST /api/v1/cameras and PATCH /api/v1/cameras/{id} accept (`scene` is edited elsewhere). */
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

export const CAMERAS_PATH = "/api/v1/cameras";

export function cameraPath(id: string, suffix = ""): string {
  return `${CAMERAS_PATH}/${encodeURIComponent(id)}${suffix}`;
}
