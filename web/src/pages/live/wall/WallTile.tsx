import { useEffect, useRef, useState } from "react";
import type { Camera } from "../../../api/types";
import { useAuth } from "../../../auth/AuthContext";
import { tileWidth } from "./wallLayout";
import { useTilePicture } from "./useTilePicture";
import { Options } from "../../../components/Options";
import { t } from "../../../i18n/catalogue";

/** One tile of the wall: the camera's sub-stream (a small picture, a few a second), its name, and tile controls. */
export function WallTile({
  index,
  camera,
  fps,
  cameras,
  onChoose,
  onMaximise,
  onFullscreen,
  large = false,
}: {
  index: number;
  camera: Camera | null;
  fps: number;
  /** The cameras a tile may show; no chooser when absent (a pop-out). */
  cameras?: Camera[];
  onChoose?: (cameraId: string | null) => void;
  onMaximise: (cameraId: string) => void;
  onFullscreen: (cameraId: string) => void;
  large?: boolean;
}) {
  const { client } = useAuth();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(320);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(tileWidth(entry.contentRect.width, window.devicePixelRatio || 1));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const picture = useTilePicture(client, camera?.id ?? null, width, fps);
  const name = camera?.name ?? "Empty tile";

  return (
    <div className={`wall-tile${large ? " wall-tile-large" : ""}`} data-testid="wall-tile" data-camera={camera?.id ?? ""}>
      <div className="wall-picture" ref={box} onDoubleClick={() => camera && onMaximise(camera.id)}>
        {picture.state === "ok" ? (
          <img src={picture.url} alt={t("live.wall.liveViewOf", { name })} data-width={width} />
        ) : (
          <span className="tile-novideo">{picture.state === "loading" ? t("live.wall.loading") : picture.reason}</span>
        )}
      </div>
      <div className="wall-caption">
        {cameras && onChoose ? (
          <select
            aria-label={t("live.wall.cameraInTile", { number: index + 1 })}
            value={camera?.id ?? ""}
            onChange={(e) => onChoose(e.target.value || null)}
          >
            <option value="">{t("live.wall.empty")}</option>
            <Options items={cameras} value={(c) => c.id} label={(c) => c.name} />
          </select>
        ) : (
          <span className="wall-name">{name}</span>
        )}
        {camera ? (
          <span className="wall-actions">
            <button type="button" className="btn btn-quiet" onClick={() => onMaximise(camera.id)} aria-label={t("live.wall.maximise", { name })}>
              {t("live.wall.maximise2")}
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => onFullscreen(camera.id)} aria-label={t("live.wall.fullscreen", { name })}>
              {t("live.wall.fullscreen2")}
            </button>
          </span>
        ) : null}
      </div>
    </div>
  );
}
