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
        <PlayVideoLink cameraId={camera.id} label="Recorded video" />
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          Close camera details
        </button>
      </div>
      <div className="camera-detail-body">
        <div className="camera-detail-video">
          {streamable ? (
            <img
              src={live.url ?? undefined}
              alt={`Live view of ${camera.name}${overlay ? " with detections drawn" : ""}`}
            />
          ) : (
            <span className="tile-novideo">{camera.enabled ? "Camera offline" : "Camera disabled"}</span>
          )}
        </div>
        <dl className="details">
          <dt>Health</dt>
          <dd>
            <span className="dot" style={{ background: style.color }} aria-hidden="true" /> {style.label}
            {camera.health.since ? ` since ${timeOf(camera.health.since)}` : ""}
          </dd>
          <dt>Frame rate</dt>
          <dd>{camera.health.fps ? `${camera.health.fps.toFixed(1)} fps` : "not reported yet"}</dd>
          <dt>District</dt>
          <dd>{camera.district || "—"}</dd>
          <dt>Camera id</dt>
          <dd>{camera.id}</dd>
          <dt>Position</dt>
          <dd>
            {camera.latitude === null || camera.longitude === null
              ? "—"
              : `${camera.latitude.toFixed(5)}, ${camera.longitude.toFixed(5)}`}
          </dd>
        </dl>
      </div>
      {canEvents ? (
        <>
          <h3>Recent alerts</h3>
          {alerts.status === "ready" && alerts.data.length === 0 ? <p className="muted">No alerts from this camera.</p> : null}
          {alerts.status === "error" ? <p className="state state-error">Alerts could not be loaded: {alerts.error}</p> : null}
          {alerts.status === "ready" && alerts.data.length > 0 ? (
            <ul className="feed-list" aria-label={`Recent alerts of ${camera.name}`}>
              {alerts.data.map((alert) => (
                <li key={alert.id} className="feed-item">
                  <span className="feed-line">
                    <span className="feed-type">{alert.title}</span>
                    <span className="muted">
                      {alert.severity} · {alert.status} · {timeOf(alert.last_seen)}
                    </span>
                  </span>
                  <PlayVideoLink cameraId={camera.id} moment={alert.first_seen} ariaLabel={`Play video of alert ${alert.id}: ${alert.title}`} />
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      <h3>Live events from this camera</h3>
      {recent.length === 0 ? (
        <p className="muted">No events from this camera since the page opened.</p>
      ) : (
        <ul className="feed-list" aria-label={`Live events of ${camera.name}`}>
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
