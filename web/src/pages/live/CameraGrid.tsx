import { useState } from "react";
import type { Camera } from "../../api/types";
import { useAuth } from "../../auth/AuthContext";
import { STATE_STYLE, stateOf } from "./health";
import { useMediaUrl } from "../../api/useMediaUrl";
import { liveViewPath, liveViewQuery } from "./liveView";
import { t } from "../../i18n/catalogue";

// Browsers allow 6 HTTP/1.1 connections per host and each MJPEG stream holds one open, so keep live tiles
// to 4 and leave room for API calls. Serve the API over HTTP/2 to lift this.
export const TILES_PER_PAGE = 4;

export function CameraGrid({
  cameras,
  selectedId,
  onSelect,
  overlay,
}: {
  cameras: Camera[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  overlay: boolean;
}) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(cameras.length / TILES_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const shown = cameras.slice(current * TILES_PER_PAGE, (current + 1) * TILES_PER_PAGE);

  return (
    <section className="grid-section" aria-labelledby="grid-title">
      <div className="section-head">
        <h2 id="grid-title">{t("live.cameras2")}</h2>
        <div className="pager" role="group" aria-label={t("live.cameraPages")}>
          <button type="button" className="btn btn-quiet" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t("live.previous")}
          </button>
          <span aria-live="polite">
            {t("live.pageOf", { number: current + 1, pages })}
          </span>
          <button
            type="button"
            className="btn btn-quiet"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            {t("live.next")}
          </button>
        </div>
      </div>
      <ul className="camera-grid">
        {shown.map((camera) => (
          <li key={camera.id}>
            <CameraTile camera={camera} selected={camera.id === selectedId} onSelect={onSelect} overlay={overlay} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CameraTile({
  camera,
  selected,
  onSelect,
  overlay,
}: {
  camera: Camera;
  selected: boolean;
  onSelect: (id: string) => void;
  overlay: boolean;
}) {
  const { client } = useAuth();
  const [failed, setFailed] = useState(false);
  const state = stateOf(camera);
  const style = STATE_STYLE[state];
  const streamable = camera.enabled && state !== "offline" && !failed;
  const { url } = useMediaUrl(client, streamable ? liveViewPath(camera.id) : null, liveViewQuery(overlay));
  return (
    <button
      type="button"
      className={`tile${selected ? " tile-selected" : ""}`}
      aria-pressed={selected}
      onClick={() => onSelect(camera.id)}
    >
      <span className="tile-video">
        {streamable && url ? (
          <img
            src={url}
            alt={t("live.liveViewOf2", { name: camera.name })}
            onError={() => setFailed(true)}
          />
        ) : (
          <span className="tile-novideo">
            {!camera.enabled ? t("live.cameraDisabled") : state === "offline" ? t("live.cameraOffline") : t("live.noLiveVideo")}
          </span>
        )}
      </span>
      <span className="tile-caption">
        <span className="tile-name">{camera.name}</span>
        <span className="badge" style={{ borderColor: style.color }}>
          <span className="dot" style={{ background: style.color }} aria-hidden="true" />
          {style.label}
        </span>
        <span className="muted">{camera.district}</span>
      </span>
    </button>
  );
}
