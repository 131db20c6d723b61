import { formatDateTime } from "../../format/dateTime";
/** Time-range fields: `<input type="datetime-local">` values are local wall-clock times without a zone. */

/** The ISO 8601 instant (UTC, with zone, as the server demands) for a datetime-local value; undefined if empty. */
export function toInstant(local: string): string | undefined {
  if (!local.trim()) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A Date as a datetime-local value in the browser's zone (for defaults such as "24 hours ago"). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** What every search form narrows by: one camera ("" for all) and a time range (datetime-local values). */
export interface SearchScope {
  cameraId: string;
  since: string;
  until: string;
}

export type ScopeField = keyof SearchScope;

/** All cameras, any time. */
export const ANY_SCOPE: SearchScope = { cameraId: "", since: "", until: "" };

/** All cameras over the last `hours` hours, up to a minute from `now` (so what happens meanwhile counts). */
export function recentScope(hours: number, now: number = Date.now()): SearchScope {
  return { cameraId: "", since: toLocalInput(new Date(now - hours * 3600_000)), until: toLocalInput(new Date(now + 60_000)) };
}

export interface TimeRangeErrors {
  since?: string;
  until?: string;
}

export function validateTimeRange(since: string, until: string, required = false): TimeRangeErrors {
  const errors: TimeRangeErrors = {};
  const from = toInstant(since);
  const to = toInstant(until);
  if (since.trim() && !from) errors.since = "Not a valid date and time.";
  else if (required && !from) errors.since = "Give the start of the time range.";
  if (until.trim() && !to) errors.until = "Not a valid date and time.";
  else if (required && !to) errors.until = "Give the end of the time range.";
  if (from && to && Date.parse(to) <= Date.parse(from)) errors.until = "The end must be after the start.";
  return errors;
}

/** Short local date and time for tables, with seconds: sightings minutes apart must stay distinguishable. */
export const formatTime = (iso: string): string => formatDateTime(iso);
