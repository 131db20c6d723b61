import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { summariseUptime } from "./health";

export const UPTIME_DAYS = 7;

/** A camera's availability over the last week, fetched for the rows on screen only. */
export function UptimeCell({ cameraId }: { cameraId: string }) {
  const { client } = useAuth();
  const { resource } = useResource(
    (signal) => client.GET("/api/v1/cameras/{camera_id}/uptime", {
        params: { path: { camera_id: cameraId }, query: { days: UPTIME_DAYS } },
        signal,
      }),
    [client, cameraId],
  );
  if (resource.status === "loading") return <span className="muted">Loading…</span>;
  if (resource.status === "unavailable") return <span className="muted">Not available</span>;
  if (resource.status === "error") return <span className="field-error">Could not load: {resource.error}</span>;
  const summary = summariseUptime(resource.data);
  if (!summary) return <span className="muted">No data yet</span>;
  return (
    <span>
      {summary.availablePercent.toFixed(1)} % available
      <br />
      <span className="muted">{summary.healthyPercent.toFixed(1)} % healthy</span>
    </span>
  );
}
