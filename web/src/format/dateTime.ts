/**
 * The console's one way of writing a moment: 24-hour clock, year-month-day, in the deployment's time zone
 * (`console.timezone` in safecity.yaml, `Asia/Karachi` by default; `GET /api/v1/console/settings`), whatever
 * the browser's own zone or locale. "2026-12-03 14:05:09", "14:05:09", "14:05", "2026-12-03".
 */

export const DEFAULT_TIME_ZONE = "Asia/Karachi";

let zone = DEFAULT_TIME_ZONE;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Use `name` from now on; an unknown zone is refused (false) and the current one kept. */
export function setTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
  } catch {
    return false;
  }
  zone = name;
  return true;
}

export const timeZone = (): string => zone;

type Moment = string | number | Date | null | undefined;

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function partsOf(date: Date): Parts {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(zone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  return parts as unknown as Parts;
}

/** The moment as a Date, or null for nothing; an unreadable string comes back as itself. */
function toDate(value: Moment): Date | string | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date;
}

function written(value: Moment, write: (parts: Parts) => string): string {
  const date = toDate(value);
  if (date === null) return "—";
  return typeof date === "string" ? date : write(partsOf(date));
}

/** "2026-12-03 14:05:09" (or "2026-12-03 14:05" without seconds); "—" for nothing. */
export function formatDateTime(value: Moment, options: { seconds?: boolean } = {}): string {
  const seconds = options.seconds ?? true;
  return written(value, (p) => `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ""}`);
}

/** "14:05:09" (or "14:05"). */
export function formatTimeOfDay(value: Moment, options: { seconds?: boolean } = {}): string {
  const seconds = options.seconds ?? true;
  return written(value, (p) => `${p.hour}:${p.minute}${seconds ? `:${p.second}` : ""}`);
}

/** "2026-12-03". */
export function formatDate(value: Moment): string {
  return written(value, (p) => `${p.year}-${p.month}-${p.day}`);
}
