/** Panic alerts as the operator follows them: the list, one panic's trail, and the phone's live positions. */
import type { Schemas } from "../../api/schemas";
import type { LiveEvent } from "../../api/types";
import type { MapLayer } from "../../components/map/types";
import { fieldOf } from "../../live/eventFields";
import { formatTimeOfDay } from "../../format/dateTime";
import { t } from "../../i18n/catalogue";

export type PanicSummary = Schemas["PanicSummaryOut"];
export type PanicView = Schemas["PanicView"];
export type TrailPoint = Schemas["PanicLocationOut"];

/** A `panic.location` event's position, or null for any other event. */
export function locationOf(event: LiveEvent): { panicId: string; point: TrailPoint } | null {
  if (event.type !== "panic.location") return null;
  const [panicId, latitude, longitude, accuracy] = ["panic_id", "latitude", "longitude", "accuracy_m"].map((name) => fieldOf(event, name));
  if (typeof panicId !== "string" || typeof latitude !== "number" || typeof longitude !== "number") return null;
  return {
    panicId,
    point: { time: event.time, latitude, longitude, accuracy_m: typeof accuracy === "number" ? accuracy : null },
  };
}

/** The view with a new position at the end of its trail (the incident moves with the phone). */
export function withPosition(view: PanicView, point: TrailPoint): PanicView {
  const seen = view.trail.some((p) => p.time === point.time && p.latitude === point.latitude && p.longitude === point.longitude);
  if (seen) return view;
  return {
    ...view,
    trail: [...view.trail, point],
    incident: { ...view.incident, latitude: point.latitude, longitude: point.longitude },
  };
}

/** The list with a panic's last position replaced; unknown panics are left for the next reload. */
export function listWithPosition(list: readonly PanicSummary[], panicId: string, point: TrailPoint): PanicSummary[] {
  return list.map((panic) => (panic.panic_id === panicId ? { ...panic, last_position: point, updated_at: point.time } : panic));
}

/** Who pressed the button, in words: name, phone, or the device. */
export function callerOf(panic: Pick<PanicSummary, "name" | "phone" | "device_id">): string {
  if (panic.name && panic.phone) return `${panic.name} (${panic.phone})`;
  return panic.name || panic.phone || panic.device_id;
}

/** The trail on the map: numbered positions in time order joined by a line, the newest highlighted. */
export function trailLayer(trail: readonly TrailPoint[]): MapLayer {
  return {
    id: "trail",
    label: t("panic.trail"),
    path: true,
    toggle: false,
    markers: trail.map((point, index) => ({
      id: `trail-${index}`,
      latitude: point.latitude,
      longitude: point.longitude,
      color: index === trail.length - 1 ? "#f85149" : "#d29922",
      label: `${index + 1}: ${formatTimeOfDay(point.time)}`,
      text: String(index + 1),
      shape: "tag",
      selected: index === trail.length - 1,
    })),
  };
}
