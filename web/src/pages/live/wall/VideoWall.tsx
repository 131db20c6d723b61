import { forwardRef, useCallback, useEffect, useMemo, useState } from "react";
import type { Camera } from "../../../api/types";
import { MainStream } from "./MainStream";
import { WallTile } from "./WallTile";
import { camerasOnPage, pageCount, TILE_FPS, withCamera, type WallSpec } from "./wallLayout";
import "./wall.css";
import { t } from "../../../i18n/catalogue";

/**
 * The tiles of a wall in its layout. A tour moves to the next cameras every `tourSeconds`; a maximised tile shows
 * the camera's main stream over the wall until closed. With `onChange` each tile chooses its camera.
 */
export const VideoWall = forwardRef<HTMLDivElement, { spec: WallSpec; cameras: Camera[]; onChange?: (spec: WallSpec) => void }>(
  function VideoWall({ spec, cameras, onChange }, ref) {
    const [page, setPage] = useState(0);
    const [maximised, setMaximised] = useState<{ id: string; fullscreen: boolean } | null>(null);
    const pages = pageCount(spec);
    const touring = spec.tourSeconds !== null && pages > 1;

    useEffect(() => {
      setPage(0);
      if (!touring || spec.tourSeconds === null) return;
      const timer = setInterval(() => setPage((p) => p + 1), spec.tourSeconds * 1000);
      return () => clearInterval(timer);
    }, [touring, spec.tourSeconds, spec.cameraIds, spec.layout]);

    const byId = useMemo(() => new Map(cameras.map((c) => [c.id, c])), [cameras]);
    const shown = camerasOnPage(spec, page);
    const choose = onChange && !touring ? (index: number, id: string | null) => onChange(withCamera(spec, index, id)) : null;
    const maximise = useCallback((id: string) => setMaximised({ id, fullscreen: false }), []);
    const fullscreen = useCallback((id: string) => setMaximised({ id, fullscreen: true }), []);
    const close = useCallback(() => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      setMaximised(null);
    }, []);
    const big = maximised ? byId.get(maximised.id) : undefined;

    return (
      <div className="wall" ref={ref} data-testid="video-wall" data-layout={spec.layout}>
        {touring ? (
          <p className="wall-tour" aria-live="polite" data-testid="wall-tour">
            {t("live.wall.tourCamerasOfNext", { number: (page % pages) + 1, pages, tourSeconds: spec.tourSeconds ?? "" })}
          </p>
        ) : null}
        {big && maximised ? (
          <MainStream camera={big} fullscreen={maximised.fullscreen} onClose={close} />
        ) : (
          <div className={`wall-grid wall-grid-${spec.layout === "1+5" ? "1p5" : spec.layout}`}>
            {shown.map((id, index) => (
              <WallTile
                key={`${index}-${id ?? ""}`}
                index={index}
                camera={id ? (byId.get(id) ?? null) : null}
                fps={TILE_FPS[spec.layout]}
                cameras={choose ? cameras : undefined}
                onChoose={choose ? (camera) => choose(index, camera) : undefined}
                onMaximise={maximise}
                onFullscreen={fullscreen}
                large={spec.layout === "1+5" && index === 0}
              />
            ))}
          </div>
        )}
      </div>
    );
  },
);
