import type { RejectionStats } from "../types";
import { t } from "../../../i18n/catalogue";

export interface ReasonRow {
  reason: string;
  rejections: number;
  /** Of all rejections. */
  shareOfRejections: number;
  /** Of all decided violations (accepted + rejected): how often the cameras get it wrong this way. */
  rateOfDecided: number;
}

export function decidedCount(stats: RejectionStats): number {
  return stats.by_camera.reduce((sum, camera) => sum + camera.accepted + camera.rejected, 0);
}

/** Rejections per reason with their shares, most frequent first (the server's order). */
export function reasonRows(stats: RejectionStats): ReasonRow[] {
  const entries = Object.entries(stats.by_reason);
  const rejections = entries.reduce((sum, [, count]) => sum + count, 0);
  const decided = decidedCount(stats);
  return entries.map(([reason, count]) => ({
    reason,
    rejections: count,
    shareOfRejections: rejections ? count / rejections : 0,
    rateOfDecided: decided ? count / decided : 0,
  }));
}

/** Periods in days before now ("" for all time), in the order offered. */
export const PERIODS = ["1", "7", "30", ""] as const;

export type Period = (typeof PERIODS)[number];

export const PERIOD_LABELS: Record<Period, string> = {
  "1": "Last 24 hours",
  "7": "Last 7 days",
  "30": "Last 30 days",
  get ""() {
    return t("challan.stats.allTime");
  },
};

/** The `since` query parameter for a period in days before `now`; undefined for all time. */
export function sinceFor(period: Period, now: Date): string | undefined {
  if (!period) return undefined;
  return new Date(now.getTime() - Number(period) * 86_400_000).toISOString();
}
