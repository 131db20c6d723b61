/** Server shapes of `/api/v1/dashboards/*` and `/api/v1/dispatch/metrics`, from the generated contract. */
import type { Schemas } from "../../api/schemas";

export type Bucket = "hour" | "day";

export type BucketCount = Schemas["BucketCountOut"];
/** `points` holds non-zero counts only, oldest first. */
export type CountSeries = Schemas["CountSeriesOut"];
export type CameraUptime = Schemas["CameraUptimeOut"];
export type UptimeReport = Schemas["UptimeReportOut"];
export type IntervalStats = Schemas["IntervalStatsOut"];
export type DispatchMetrics = Schemas["MetricsOut"];
