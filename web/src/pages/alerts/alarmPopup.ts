import { OPEN_STATUSES } from "./queue";
import type { Alert } from "./types";

/**
 * The critical alarms waiting for the pop-up, oldest first: an alarm joins when a live event shows it critical
 * and open, and leaves when it is no longer open (acknowledged here or by another operator, closed, dismissed).
 */
export function nextPending(pending: readonly Alert[], incoming: Alert): Alert[] {
  const others = pending.filter((a) => a.id !== incoming.id);
  const waiting = incoming.critical === true && (incoming.status === "new" || incoming.status === "escalated" || incoming.status === "confirmed");
  // Open, and nobody has turned it into an incident yet.
  if (!waiting || !OPEN_STATUSES.includes(incoming.status) || incoming.incident_id !== null) return others;
  if (incoming.status === "confirmed" && incoming.acknowledged_at !== null) return others;
  const held = pending.find((a) => a.id === incoming.id);
  return held ? pending.map((a) => (a.id === incoming.id ? incoming : a)) : [...pending, incoming];
}

export const MUTE_KEY = "safecity.alarm-sound-muted";
