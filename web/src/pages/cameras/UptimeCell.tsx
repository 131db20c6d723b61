import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { summariseUptime } from "./health";
import { t } from "../../i18n/catalogue";

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
  if (resource.status === "loading") return <span className="muted">{t("cameras.loading")}</span>;
  if (resource.status === "unavailable") return <span className="muted">{t("cameras.notAvailable")}</span>;
  if (resource.status === "error") return <span className="field-error">{t("cameras.couldNotLoad", { error: resource.error })}</span>;
  const summary = summariseUptime(resource.data);
  if (!summary) return <span className="muted">{t("cameras.noDataYet")}</span>;
  return (
    <span>
      {t("cameras.available", { availablePercent: summary.availablePercent.toFixed(1) })}
      <br />
      <span className="muted">{t("cameras.healthy", { healthyPercent: summary.healthyPercent.toFixed(1) })}</span>
    </span>
  );
}
