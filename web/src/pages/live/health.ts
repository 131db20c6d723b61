import type { Camera, CameraState, LiveEvent } from "../../api/types";
import { msg, translated } from "../../i18n/catalogue";

/** Colour and words for each camera state. Colour is never the only cue: the label is always shown too. */
export const STATE_STYLE = translated<Record<CameraState, { color: string; label: string }>>({
  online: { color: "#3fb950", label: msg("live.online") },
  offline: { color: "#f85149", label: msg("live.offline") },
  frozen: { color: "#d29922", label: msg("live.frozenImage") },
  covered: { color: "#d29922", label: msg("live.covered") },
  defocused: { color: "#d29922", label: msg("live.defocused") },
  dark: { color: "#d29922", label: msg("live.tooDark") },
  scene_changed: { color: "#a371f7", label: msg("live.sceneChanged") },
  unknown: { color: "#8b949e", label: msg("live.unknown") },
});

export function stateOf(camera: Camera): CameraState {
  const state = camera.health?.state;
  return state && state in STATE_STYLE ? (state as CameraState) : "unknown";
}

/** Apply a `camera.health` live event to the camera list; returns the same array when nothing changed. */
export function applyHealthEvent(cameras: Camera[], event: LiveEvent): Camera[] {
  if (event.type !== "camera.health" || !event.camera_id) return cameras;
  const payload = event.payload as { state?: unknown; since?: unknown; fps?: unknown; health?: unknown };
  const source = (payload.health && typeof payload.health === "object" ? payload.health : payload) as {
    state?: unknown;
    since?: unknown;
    fps?: unknown;
    reason?: unknown;
  };
  if (typeof source.state !== "string" || !(source.state in STATE_STYLE)) return cameras;
  const index = cameras.findIndex((c) => c.id === event.camera_id);
  if (index < 0) return cameras;
  const next = [...cameras];
  const camera = cameras[index] as Camera;
  next[index] = {
    ...camera,
    health: {
      ...camera.health,
      state: source.state,
      since: typeof source.since === "string" ? source.since : event.time,
      fps: typeof source.fps === "number" ? source.fps : camera.health.fps,
      reason: typeof source.reason === "string" ? source.reason : "",
    },
  };
  return next;
}

export function countByState(cameras: Camera[]): Partial<Record<CameraState, number>> {
  const counts: Partial<Record<CameraState, number>> = {};
  for (const camera of cameras) {
    const state = stateOf(camera);
    counts[state] = (counts[state] ?? 0) + 1;
  }
  return counts;
}
