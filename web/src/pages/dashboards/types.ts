/** Server shapes of `/api/v1/dashboards/*` (src/safecity/dashboards/api.py) and `/api/v1/dispatch/metrics`. */

export type Bucket = "hour" | "day";

export interface BucketCount {
  start: string;
  group: string;
  count: number;
}

export interface CountSeries {
  since: string;
  until: string;
  bucket: Bucket;
  bucket_seconds: number;
  group_by: string;
  groups: string[];
  /** Non-zero counts only, oldest first. */
  points: BucketCount[];
  total: number;
}

export interface CameraUptime {
  camera_id: string;
  name: string;
  observed_seconds: number;
  available_percent: number | null;
  healthy_percent: number | null;
}

export interface UptimeReport {
  since: string;
  until: string;
  cameras: CameraUptime[];
}

export interface IntervalStats {
  count: number;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  target_s: number;
  within_target: number | null;
  met: boolean | null;
}

export interface DispatchMetrics {
  since: string;
  until: string;
  group_by: string;
  target_fraction: number;
  groups: Record<string, Record<string, IntervalStats>>;
}
