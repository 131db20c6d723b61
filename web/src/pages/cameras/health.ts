import type { CameraOut, UptimeOut } from "./types";
import { messageRecord } from "../../i18n/catalogue";

/** Health states in words (docs/cameras.md); colour in the table is only a second cue. */
const STATE_WORDS: Record<string, string> = messageRecord({
  online: "cameras.online",
  offline: "cameras.offline",
  frozen: "cameras.frozenImage",
  covered: "cameras.covered",
  defocused: "cameras.defocused",
  dark: "cameras.tooDark",
  scene_changed: "cameras.sceneChanged",
  connecting: "cameras.connecting",
  closed: "cameras.stopped",
  unknown: "cameras.unknown",
});

export const HEALTH_STATES = Object.keys(STATE_WORDS);

export function stateWords(state: string): string {
  return STATE_WORDS[state] ?? state.replace(/_/g, " ");
}

export type HealthTone = "ok" | "warn" | "bad" | "neutral";

export function healthTone(state: string): HealthTone {
  if (state === "online") return "ok";
  if (state === "offline") return "bad";
  if (state === "unknown" || state === "closed" || state === "connecting") return "neutral";
  return "warn";
}

export interface UptimeSummary {
  availablePercent: number;
  healthyPercent: number;
  observedSeconds: number;
}

/** Uptime over the days asked for, weighted by how long each day was observed; null without any data. */
export function summariseUptime(uptime: UptimeOut): UptimeSummary | null {
  let observed = 0;
  let available = 0;
  let healthy = 0;
  for (const day of uptime.days) {
    if (day.observed_seconds <= 0 || day.available_percent === null || day.healthy_percent === null) continue;
    observed += day.observed_seconds;
    available += day.available_percent * day.observed_seconds;
    healthy += day.healthy_percent * day.observed_seconds;
  }
  if (observed === 0) return null;
  return { availablePercent: available / observed, healthyPercent: healthy / observed, observedSeconds: observed };
}

export interface CameraFilter {
  text: string;
  district: string;
  enabled: "" | "enabled" | "disabled";
  state: string;
}

export const NO_FILTER: CameraFilter = { text: "", district: "", enabled: "", state: "" };

export function filterCameras(cameras: readonly CameraOut[], filter: CameraFilter): CameraOut[] {
  const text = filter.text.trim().toLowerCase();
  return cameras.filter(
    (camera) =>
      (!filter.district || camera.district === filter.district) &&
      (!filter.enabled || camera.enabled === (filter.enabled === "enabled")) &&
      (!filter.state || camera.health.state === filter.state) &&
      (!text ||
        [camera.name, camera.id, camera.district ?? "", camera.zone ?? ""].some((value) =>
          value.toLowerCase().includes(text),
        )),
  );
}
