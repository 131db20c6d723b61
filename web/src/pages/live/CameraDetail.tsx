import { useMemo } from "react";
import type { Camera, LiveEvent } from "../../api/types";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { useMediaUrl } from "../../api/useMediaUrl";
import { liveViewPath, liveViewQuery } from "./liveView";
import { STATE_STYLE, stateOf } from "./health";
import { PlayVideoLink } from "../../components/PlayVideoLink";
import { formatDateTime } from "../../format/dateTime";
import { describeEvent } from "./eventWords";
import { t } from "../../i18n/catalogue";

const RECENT_ALERTS = 10;
const RECENT_EVENTS = 20;

const timeOf = (iso: string | null): string => formatDateTime(iso);

/** One camera up close: a large live view, its health in words, its recent alerts and live events. */
export function CameraDetail({
  camera,
  events,
  overlay,
  onClose,
}: {
  camera: Camera;
  events: LiveEvent[];
  overlay: boolean;
  onClose: () => void;
}) {
  const { client, can } = useAuth();
  const canEvents = can(Permission.EVENTS_READ);
  const { resource: alerts } = useResource(
    (signal) =>
      canEvents
        ? client.GET("/api/v1/alerts", { params: { query: { camera_id: camera.id, limit: RECENT_ALERTS } }, signal })
        : Promise.resolve([]),
    [client, camera.id, canEvents],
  );
  const recent = useMemo(
    () => events.filter((event) => event.camera_id === camera.id).slice(0, RECENT_EVENTS),
    [events, camera.id],
  );
  const state = stateOf(camera);
  const style = STATE_STYLE[state];
  const streamable = camera.enabled && state !== "offline";
  const live = useMediaUrl(client, streamable ? liveViewPath(camera.id) : null, liveViewQuery(overlay));

  return (
    <section className="card camera-detail" aria-labelledby="camera-detail-title" data-testid="camera-detail">
      <div className="section-head">
        <h2 id="camera-detail-title">{camera.name}</h2>
        <PlayVideoLink cameraId={camera.id} label={t("live.recordedVideo")} />
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          {t("live.closeCameraDetails")}
        </button>
      </div>
      <div className="camera-detail-body">
        <div className="camera-detail-video">
          {streamable ? (
            <img
              src={live.url ?? undefined}
              alt={t("live.liveViewOf", { name: camera.name, value: overlay ? t("live.withDetectionsDrawn") : "" })}
            />
          ) : (
            <span className="tile-novideo">{camera.enabled ? t("live.cameraOffline") : t("live.cameraDisabled")}</span>
          )}
        </div>
        <dl className="details">
          <dt>{t("live.health")}</dt>
          <dd>
            <span className="dot" style={{ background: style.color }} aria-hidden="true" /> {style.label}
            {camera.health.since ? t("live.since", { timeOf: timeOf(camera.health.since) }) : ""}
          </dd>
          <dt>{t("live.frameRate")}</dt>
          <dd>{camera.health.fps ? t("live.fps", { fps: camera.health.fps.toFixed(1) }) : t("live.notReportedYet")}</dd>
          <dt>{t("live.district")}</dt>
          <dd>{camera.district || "—"}</dd>
          <dt>{t("live.cameraId")}</dt>
          <dd>{camera.id}</dd>
          <dt>{t("live.position")}</dt>
          <dd>
            {camera.latitude === null || camera.longitude === null
              ? "—"
              : `${camera.latitude.toFixed(5)}, ${camera.longitude.toFixed(5)}`}
          </dd>
        </dl>
      </div>
      {canEvents ? (
        <>
          <h3>{t("live.recentAlerts")}</h3>
          {alerts.status === "ready" && alerts.data.length === 0 ? <p className="muted">{t("live.noAlertsFromThis")}</p> : null}
          {alerts.status === "error" ? <p className="state state-error">{t("live.alertsCouldNotBe", { error: alerts.error })}</p> : null}
          {alerts.status === "ready" && alerts.data.length > 0 ? (
            <ul className="feed-list" aria-label={t("live.recentAlertsOf", { name: camera.name })}>
              {alerts.data.map((alert) => (
                <li key={alert.id} className="feed-item">
                  <span className="feed-line">
                    <span className="feed-type">{alert.title}</span>
                    <span className="muted">
                      {alert.severity} · {alert.status} · {timeOf(alert.last_seen)}
                    </span>
                  </span>
                  <PlayVideoLink cameraId={camera.id} moment={alert.first_seen} ariaLabel={t("live.playVideoOfAlert", { id: alert.id, title: alert.title })} />
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      <h3>{t("live.liveEventsFromThis")}</h3>
      {recent.length === 0 ? (
        <p className="muted">{t("live.noEventsFromThis")}</p>
      ) : (
        <ul className="feed-list" aria-label={t("live.liveEventsOf", { name: camera.name })}>
          {recent.map((event) => (
            <li key={event.id} className="feed-item">
              <span className="feed-line">
                <span>{describeEvent(event).text}</span>
                <span className="muted">{timeOf(event.time)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
