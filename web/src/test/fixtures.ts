import type { Schemas } from "../api/schemas";

/** A camera as the API returns it (GET /api/v1/cameras), for component tests. */
export function cameraOut(changes: Partial<Schemas["CameraOut"]> = {}): Schemas["CameraOut"] {
  return {
    id: "gate-1",
    name: "Gate",
    latitude: 31.5,
    longitude: 74.3,
    district: "Lahore",
    zone: null,
    owner: "public",
    url: "rtsp://admin:***@10.0.0.9/main",
    sub_url: null,
    username: "admin",
    has_password: true,
    enabled: true,
    loop: false,
    detect_fps: 5,
    analytics_profile: "default",
    scene: {},
    worker: null,
    failover: false,
    weight: null,
    managed_by: "api",
    created_at: "2025-01-01T00:00:00Z",
    updated_at: "2025-01-01T00:00:00Z",
    health: { state: "online", since: null, fps: 5, reason: "", bitrate_bps: 0, reported_at: null },
    ...changes,
  };
}
