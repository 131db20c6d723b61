import type { Bucket } from "./types";

export const WINDOW_CHOICES = [
  { id: "24h", label: "Last 24 hours", bucket: "hour" },
  { id: "7d", label: "Last 7 days", bucket: "day" },
  { id: "30d", label: "Last 30 days", bucket: "day" },
] as const satisfies readonly { id: string; label: string; bucket: Bucket }[];

export type WindowChoiceId = (typeof WINDOW_CHOICES)[number]["id"];

export interface TimeWindow {
  since: Date;
  until: Date;
  bucket: Bucket;
}

const BUCKET_COUNT: Record<WindowChoiceId, number> = { "24h": 24, "7d": 7, "30d": 30 };

/**
 * The window for a choice, ending now. Buckets start on whole local hours or at local midnight, so the
 * first bucket is a full one and the last (the current hour or day) is the one still filling.
 */
export function windowFor(choice: WindowChoiceId, now: Date): TimeWindow {
  const since = new Date(now);
  const count = BUCKET_COUNT[choice];
  if (choice === "24h") {
    since.setMinutes(0, 0, 0);
    since.setHours(since.getHours() - (count - 1));
    return { since, until: now, bucket: "hour" };
  }
  since.setHours(0, 0, 0, 0);
  since.setDate(since.getDate() - (count - 1));
  return { since, until: now, bucket: "day" };
}

export function windowQuery(window: TimeWindow): { since: string; until: string; bucket: Bucket } {
  return { since: window.since.toISOString(), until: window.until.toISOString(), bucket: window.bucket };
}
