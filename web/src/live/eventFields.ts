/**
 * A live event's fields. The server sends each bus event as its JSON: the typed fields of the event
 * (`alert`, `incident`, `unit`, `panic_id`, …) at the top level, a generic event's data in `payload`.
 */
import type { LiveEvent } from "../api/types";

export function fieldOf(event: LiveEvent, name: string): unknown {
  const top = (event as unknown as Record<string, unknown>)[name];
  return top !== undefined ? top : event.payload?.[name];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The alert an `alert.*` event carries, as a record, or null. */
export function alertFieldOf(event: LiveEvent): Record<string, unknown> | null {
  if (!event.type.startsWith("alert.")) return null;
  const alert = fieldOf(event, "alert");
  return isRecord(alert) ? alert : null;
}
