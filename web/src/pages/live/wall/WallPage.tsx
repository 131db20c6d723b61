import { useCallback, useRef, useState } from "react";
import { Link } from "react-router";
import { useCameraRegistry } from "../../../api/useCameraRegistry";
import { useMutation } from "../../../api/useMutation";
import { useResource } from "../../../api/useResource";
import type { Schemas } from "../../../api/schemas";
import { useAuth } from "../../../auth/AuthContext";
import { VideoWall } from "./VideoWall";
import { isLayout, LAYOUTS, specQuery, TILES, withLayout, type WallLayout, type WallSpec } from "./wallLayout";
import { Options } from "../../../components/Options";
import { t } from "../../../i18n/catalogue";

type SavedView = Schemas["WallViewOut"];

const LAYOUT_LABELS: Record<WallLayout, string> = { "1": "1 camera", "4": "2 × 2", "9": "3 × 3", "16": "4 × 4", "1+5": "1 large + 5" };

function specOf(view: SavedView): WallSpec {
  return { layout: isLayout(view.layout) ? view.layout : "4", cameraIds: view.camera_ids ?? [], tourSeconds: view.tour_seconds ?? null };
}

/** The video wall: layouts, a camera per tile, tours, saved views per user, fullscreen and pop-out windows. */
export default function WallPage() {
  const { client } = useAuth();
  const { cameras } = useCameraRegistry();
  const [spec, setSpec] = useState<WallSpec>({ layout: "4", cameraIds: [], tourSeconds: null });
  const [viewName, setViewName] = useState("");
  const [tourCameras, setTourCameras] = useState<string[]>([]);
  const [tourSeconds, setTourSeconds] = useState(10);
  const [popouts, setPopouts] = useState(0);
  const wall = useRef<HTMLDivElement>(null);
  const { resource: views, reload } = useResource((signal) => client.GET("/api/v1/wall/views", { signal }), [client]);
  const saved = views.status === "ready" ? views.data : [];

  const save = useMutation(
    (name: string) =>
      client.PUT("/api/v1/wall/views/{name}", {
        params: { path: { name } },
        body: { layout: spec.layout, camera_ids: spec.cameraIds, tour_seconds: spec.tourSeconds },
      }),
    { onSuccess: () => reload() },
  );
  const remove = useMutation(
    (name: string) => client.DELETE("/api/v1/wall/views/{name}", { params: { path: { name } } }),
    { onSuccess: () => {
      setViewName("");
      reload();
    } },
  );

  const open = (name: string) => {
    setViewName(name);
    const view = saved.find((v) => v.name === name);
    if (view) setSpec(specOf(view));
  };
  const startTour = () => setSpec({ ...spec, cameraIds: tourCameras, tourSeconds });
  const stopTour = () => setSpec({ ...spec, cameraIds: spec.cameraIds.slice(0, TILES[spec.layout]), tourSeconds: null });
  const popOut = () => {
    // A window per click, so each monitor of the desk gets its own; it shares this login (cookie and session copy).
    window.open(`/live/wall/popout?${specQuery(spec)}`, `safecity-wall-${popouts + 1}`, "popup=yes,width=1280,height=760");
    setPopouts((n) => n + 1);
  };
  const fullscreenWall = useCallback(() => {
    void wall.current?.requestFullscreen?.().catch(() => undefined);
  }, []);

  return (
    <div className="live-main">
      <div className="page-head">
        <h1>{t("live.wall.videoWall")}</h1>
        <Link to="/live">{t("live.wall.backToLiveOverview")}</Link>
      </div>
      <div className="wall-toolbar">
        <div className="field field-inline">
          <label htmlFor="wall-layout">{t("live.wall.layout")}</label>
          <select id="wall-layout" value={spec.layout} onChange={(e) => isLayout(e.target.value) && setSpec(withLayout(spec, e.target.value))}>
            <Options items={LAYOUTS} label={(layout) => LAYOUT_LABELS[layout]} />
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="wall-views">{t("live.wall.savedViews")}</label>
          <select id="wall-views" value={saved.some((v) => v.name === viewName) ? viewName : ""} onChange={(e) => open(e.target.value)}>
            <option value="">—</option>
            <Options items={saved} value={(view) => view.name} />
          </select>
        </div>
        <form
          className="field field-inline"
          onSubmit={(event) => {
            event.preventDefault();
            if (viewName.trim()) void save.run(viewName.trim());
          }}
        >
          <label htmlFor="wall-view-name">{t("live.wall.viewName")}</label>
          <input id="wall-view-name" value={viewName} maxLength={80} onChange={(e) => setViewName(e.target.value)} />
          <button type="submit" className="btn" disabled={save.busy || !viewName.trim()}>
            {t("live.wall.saveView")}
          </button>
          <button
            type="button"
            className="btn btn-quiet"
            disabled={remove.busy || !saved.some((v) => v.name === viewName)}
            onClick={() => void remove.run(viewName)}
          >
            {t("live.wall.deleteView")}
          </button>
        </form>
        <button type="button" className="btn" onClick={fullscreenWall}>
          {t("live.wall.fullscreenWall")}
        </button>
        <button type="button" className="btn" onClick={popOut}>
          {t("live.wall.popOutToAnother")}
        </button>
      </div>
      {save.error || remove.error ? (
        <p className="state state-error" role="alert">
          {save.error ?? remove.error}
        </p>
      ) : null}
      <details className="wall-toolbar">
        <summary>{t("live.wall.cameraTour")}</summary>
        <div className="field">
          <label htmlFor="tour-cameras">{t("live.wall.camerasToCycle")}</label>
          <select
            id="tour-cameras"
            multiple
            size={Math.min(8, Math.max(3, cameras?.length ?? 3))}
            value={tourCameras}
            onChange={(e) => setTourCameras(Array.from(e.target.selectedOptions, (o) => o.value))}
          >
            <Options items={cameras ?? []} value={(c) => c.id} label={(c) => c.name} />
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="tour-seconds">{t("live.wall.everySeconds")}</label>
          <input
            id="tour-seconds"
            type="number"
            min={3}
            max={3600}
            value={tourSeconds}
            onChange={(e) => setTourSeconds(Math.min(3600, Math.max(3, Number(e.target.value) || 3)))}
          />
        </div>
        <button type="button" className="btn" disabled={tourCameras.length === 0} onClick={startTour}>
          {t("live.wall.startTour")}
        </button>
        <button type="button" className="btn btn-quiet" disabled={spec.tourSeconds === null} onClick={stopTour}>
          {t("live.wall.stopTour")}
        </button>
      </details>
      {cameras === null ? <p role="status">{t("live.wall.loadingCameras")}</p> : <VideoWall ref={wall} spec={spec} cameras={cameras} onChange={setSpec} />}
    </div>
  );
}
