/** Timeline marks from the records the API keeps: alerts, plate reads, line crossings, violations. */
import type { Schemas } from "../../api/schemas";
import type { Mark, MarkKind } from "./timelineMath";
import { messageRecord, t } from "../../i18n/catalogue";

type AlertView = Schemas["AlertView"];
type StoredEvent = Schemas["StoredEventOut"];
type PlateRead = Schemas["PlateReadOut"];

export const MARK_LABEL: Record<MarkKind, string> = messageRecord<MarkKind>({
  alert: "playback.alert",
  plate: "playback.plateRead",
  line_crossing: "playback.lineCrossing",
  violation: "playback.violation",
});

/** Event-log types shown as marks, and the kind each becomes. */
export const MARK_EVENT_TYPES: readonly { type: string; kind: MarkKind }[] = [
  { type: "rule.line_crossing", kind: "line_crossing" },
  { type: "challan.violation_detected", kind: "violation" },
];

export function alertMarks(alerts: readonly AlertView[]): Mark[] {
  return alerts.map((alert) => ({
    kind: "alert",
    time: Date.parse(alert.first_seen),
    label: `Alert ${alert.id}: ${alert.title}`,
    href: `/alerts/${alert.id}`,
  }));
}

export function eventMarks(events: readonly StoredEvent[], kind: MarkKind): Mark[] {
  return events.map((event) => {
    const detail = textOf(event.payload, "rule", "rule_name", "name", "violation_type", "plate");
    // A violation is filed after the fact; it happened at `occurred_at`.
    const occurred = textOf(event.payload, "occurred_at") || event.time;
    return { kind, time: Date.parse(occurred), label: detail ? `${MARK_LABEL[kind]}: ${detail}` : MARK_LABEL[kind] };
  });
}

export function plateMarks(reads: readonly PlateRead[]): Mark[] {
  return reads.map((read) => ({ kind: "plate", time: Date.parse(read.time), label: t("playback.plateRead2", { text: read.text }) }));
}

function textOf(payload: Record<string, unknown>, ...keys: string[]): string {
  for (const key of keys) {
    const value = payload[key];
    if (typeof value === "string" && value) return value;
  }
  return "";
}
