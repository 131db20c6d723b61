import { useEffect, useRef } from "react";
import type { Camera } from "../../../api/types";
import { useMediaUrl } from "../../../api/useMediaUrl";
import { useAuth } from "../../../auth/AuthContext";
import { liveViewPath } from "../liveView";
import { t } from "../../../i18n/catalogue";

const MAIN_STREAM_FPS = 10;

/** A maximised tile: the camera's main stream (full size MJPEG, opened with a media ticket) over the whole wall. */
export function MainStream({ camera, fullscreen, onClose }: { camera: Camera; fullscreen: boolean; onClose: () => void }) {
  const { client } = useAuth();
  const box = useRef<HTMLDivElement>(null);
  const { url, failed, retry } = useMediaUrl(client, liveViewPath(camera.id), { fps: MAIN_STREAM_FPS });

  useEffect(() => {
    if (fullscreen) box.current?.requestFullscreen?.().catch(() => undefined);
  }, [fullscreen]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !document.fullscreenElement) onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    <div className="wall-main" ref={box} data-testid="wall-main-stream" aria-label={t("live.wall.mainStream", { name: camera.name })} role="region">
      {url ? (
        <img src={url} alt={t("live.wall.liveViewOfMain", { name: camera.name })} onError={retry} />
      ) : (
        <span className="tile-novideo">{failed ? t("live.wall.theLiveViewCould") : t("live.wall.opening")}</span>
      )}
      <div className="wall-caption">
        <span className="wall-name">{camera.name}</span>
        <button type="button" className="btn" onClick={onClose}>
          {t("live.wall.backToWall")}
        </button>
      </div>
    </div>
  );
}
