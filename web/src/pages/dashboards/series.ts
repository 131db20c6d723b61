/** Turns the dashboards API's answers into what the charts and their tables show. */
import type { Bucket, CameraUptime, CountSeries, IntervalStats } from "./types";
import { formatDate, formatDateTime, formatTimeOfDay } from "../../format/dateTime";
import { msg, t, translated } from "../../i18n/catalogue";

export interface StackedSeries {
  /** Start of every bucket in the window, empty ones included. */
  starts: Date[];
  /** One row of counts per group, aligned with `starts`, in the server's display order. */
  groups: { group: string; counts: number[] }[];
  /** Sum over groups per bucket. */
  totals: number[];
}

/** Every bucket from `since` to `until` (empty ones as zero), one row per group the series may hold. */
export function fillBuckets(series: CountSeries): StackedSeries {
  const since = Date.parse(series.since);
  const until = Date.parse(series.until);
  const step = series.bucket_seconds * 1000;
  const starts: Date[] = [];
  for (let start = since; start < until; start += step) starts.push(new Date(start));
  const rows = new Map(series.groups.map((group) => [group, starts.map(() => 0)]));
  for (const point of series.points) {
    const index = Math.floor((Date.parse(point.start) - since) / step);
    let row = rows.get(point.group);
    if (!row) {
      row = starts.map(() => 0);
      rows.set(point.group, row);
    }
    if (index >= 0 && index < starts.length) row[index] = (row[index] ?? 0) + point.count;
  }
  const groups = [...rows].map(([group, counts]) => ({ group, counts }));
  const totals = starts.map((_, i) => groups.reduce((sum, g) => sum + (g.counts[i] ?? 0), 0));
  return { starts, groups, totals };
}

/** Worst first: cameras never observed in the window, then by available % ascending, then by name. */
export function uptimeWorstFirst(cameras: readonly CameraUptime[]): CameraUptime[] {
  const rank = (c: CameraUptime) => c.available_percent ?? -1;
  return [...cameras].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

export function uptimeText(camera: CameraUptime): string {
  return camera.available_percent === null ? t("dashboards.notObserved") : `${formatPercent(camera.available_percent)}`;
}

export function formatPercent(value: number): string {
  return `${value.toFixed(value % 1 === 0 ? 0 : 1)} %`;
}


/** A short axis label for a bucket's start, in the console's time zone. */
export function bucketLabel(start: Date, bucket: Bucket): string {
  return bucket === "hour" ? formatTimeOfDay(start, { seconds: false }) : formatDate(start);
}

/** The label for a table row: unambiguous across days. */
export function bucketRowLabel(start: Date, bucket: Bucket): string {
  return bucket === "hour" ? formatDateTime(start, { seconds: false }) : formatDate(start);
}

export const RESPONSE_INTERVALS = translated<readonly { key: "call_processing" | "total_response"; label: string }[]>([
  { key: "call_processing", label: msg("dashboards.timeToDispatch") },
  { key: "total_response", label: msg("dashboards.timeToArrival") },
]);

export const PERCENTILES = ["p50", "p90", "p95"] as const;
export type Percentile = (typeof PERCENTILES)[number];

export interface ResponseRow {
  label: string;
  count: number;
  targetSeconds: number;
  seconds: Record<Percentile, number | null>;
}

/** Time to dispatch and time to arrival over all incidents; empty when no incident was dispatched. */
export function responseRows(groups: Record<string, Record<string, IntervalStats>>): ResponseRow[] {
  const all = groups.all;
  if (!all) return [];
  const rows = RESPONSE_INTERVALS.flatMap(({ key, label }) => {
    const stats = all[key];
    return stats ? [{ label, count: stats.count, targetSeconds: stats.target_s, seconds: { p50: stats.p50, p90: stats.p90, p95: stats.p95 } }] : [];
  });
  return rows.some((row) => row.count > 0) ? rows : [];
}

/** Seconds as "45 s", "3 min 05 s" or "1 h 02 min". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, "0")} min`;
}
