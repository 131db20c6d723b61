import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import type { Camera, CameraState, LiveEvent } from "../api/types";
import { useResource } from "../api/useResource";
import { useAuth } from "../auth/AuthContext";
import { Permission } from "../auth/permissions";
import { StateMessage } from "../components/StateMessage";
import { useLiveSocket } from "../live/useLiveSocket";
import { CameraDetail } from "./live/CameraDetail";
import { CameraGrid } from "./live/CameraGrid";
import { CameraMap } from "./live/CameraMap";
import { EventFeed, FEED_LIMIT } from "./live/EventFeed";
import { applyHealthEvent, countByState, STATE_STYLE, stateOf } from "./live/health";
import { Options } from "../components/Options";
import { t } from "../i18n/catalogue";

// Everything the user's role may see; the server filters by permission.
const LIVE_TOPICS = [">"];

// The video wall and its pop-out windows, loaded on first visit.
const WallPage = lazy(() => import("./live/wall/WallPage"));
const WallPopout = lazy(() => import("./live/wall/PopoutPage"));

/** `/live` (map, camera grid, live events), `/live/wall` (the video wall) and `/live/wall/popout` (a wall window). */
export function LivePage() {
  const { pathname } = useLocation();
  const { can } = useAuth();
  if (!pathname.startsWith("/live/wall") || !can(Permission.CAMERAS_READ)) return <LiveOverview />;
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>{pathname.startsWith("/live/wall/popout") ? <WallPopout /> : <WallPage />}</Suspense>
  );
}

const CAMERAS_REFRESH_MS = 30_000;

function LiveOverview() {
  const { client, can } = useAuth();
  const canCameras = can(Permission.CAMERAS_READ);
  const { resource, setResource, reload } = useResource<Camera[]>(
    (signal) => (canCameras ? client.GET("/api/v1/cameras", { signal }) : Promise.resolve([])),
    [client, canCameras],
  );
  const cameras = useMemo(() => resource.data ?? [], [resource.data]);
  const [events, setEvents] = useState<LiveEvent[]>([]);
  // `/live?camera=<id>` (a camera clicked on another page's map) opens that camera's live video.
  const [searchParams] = useSearchParams();
  const [selectedId, setSelectedId] = useState<string | null>(() => searchParams.get("camera"));
  const [query, setQuery] = useState("");
  const [stateFilter, setStateFilter] = useState<CameraState | "">("");
  const [overlay, setOverlay] = useState(true);

  const onEvent = useCallback(
    (event: LiveEvent) => {
      setEvents((previous) => [event, ...previous].slice(0, FEED_LIMIT));
      if (event.type === "camera.health") {
        // Also while a reload is under way: the change is newer than what the list showed.
        setResource((previous) => {
          if (previous.status === "ready") return { status: "ready", data: applyHealthEvent(previous.data, event) };
          if (previous.status === "loading" && previous.data)
            return { status: "loading", data: applyHealthEvent(previous.data, event) };
          return previous;
        });
      }
    },
    [setResource],
  );
  const status = useLiveSocket(LIVE_TOPICS, onEvent);
  // Health changes published before the socket (re)connected are not replayed: read the cameras again then.
  const connected = status.state === "connected";
  useEffect(() => {
    if (connected) reload();
  }, [connected, reload]);
  // And now and then regardless: a change the worker published just before the socket opened may reach the
  // database only after that first read, and no event repeats an unchanged state.
  useEffect(() => {
    const timer = window.setInterval(reload, CAMERAS_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    return cameras.filter(
      (c) =>
        (!stateFilter || stateOf(c) === stateFilter) &&
        (!q || c.name.toLowerCase().includes(q) || (c.district ?? "").toLowerCase().includes(q) || c.id.toLowerCase() === q),
    );
  }, [cameras, query, stateFilter]);
  const counts = useMemo(() => countByState(cameras), [cameras]);
  const names = useMemo(() => new Map(cameras.map((c) => [c.id, c.name])), [cameras]);
  const cameraName = useCallback((id: string) => names.get(id) ?? id, [names]);
  const selected = cameras.find((camera) => camera.id === selectedId) ?? null;

  return (
    <div className="live">
      <div className="live-main">
        <div className="page-head">
          <h1>{t("live.live")}</h1>
          {canCameras ? (
            <div className="toolbar">
              <div className="field field-inline">
                <label htmlFor="camera-search">{t("live.findCamera")}</label>
                <input id="camera-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t("live.nameOrDistrict")} />
              </div>
              <div className="field field-inline">
                <label htmlFor="camera-state">{t("live.health")}</label>
                <select id="camera-state" value={stateFilter} onChange={(e) => setStateFilter(e.target.value as CameraState | "")}>
                  <option value="">{t("live.all")}</option>
                  <Options
                    items={Object.entries(STATE_STYLE)}
                    value={([state]) => state}
                    label={([state, style]) => `${style.label} (${counts[state as CameraState] ?? 0})`}
                  />
                </select>
              </div>
              <label className="field-inline checkbox">
                <input type="checkbox" checked={overlay} onChange={(e) => setOverlay(e.target.checked)} />
                {t("live.showDetections")}
              </label>
              <Link className="btn" to="/live/wall">
                {t("live.videoWall")}
              </Link>
            </div>
          ) : null}
        </div>
        {canCameras ? (
          <>
            {resource.status === "ready" ? <Legend counts={counts} total={cameras.length} /> : null}
            <StateMessage
              resource={resource}
              what={t("live.cameraRegistry")}
              empty={cameras.length === 0 ? <p className="state">No cameras registered yet.</p> : null}
            />
            <CameraMap cameras={filtered} selectedId={selectedId} onSelect={setSelectedId} />
            {selected ? (
              <CameraDetail camera={selected} events={events} overlay={overlay} onClose={() => setSelectedId(null)} />
            ) : null}
            {filtered.length > 0 ? (
              <CameraGrid cameras={filtered} selectedId={selectedId} onSelect={setSelectedId} overlay={overlay} />
            ) : null}
          </>
        ) : (
          <p className="state">{t("live.yourRoleSeesLive")}</p>
        )}
      </div>
      <EventFeed events={events} status={status} cameraName={cameraName} />
    </div>
  );
}

function Legend({ counts, total }: { counts: Partial<Record<CameraState, number>>; total: number }) {
  return (
    <ul className="legend" aria-label={t("live.cameraHealthSummary")}>
      <li>
        <strong>{total}</strong>{" "}{t("live.cameras")}
      </li>
      {Object.entries(STATE_STYLE)
        .filter(([state]) => counts[state as CameraState])
        .map(([state, style]) => (
          <li key={state}>
            <span className="dot" style={{ background: style.color }} aria-hidden="true" />
            {style.label}: <strong>{counts[state as CameraState]}</strong>
          </li>
        ))}
    </ul>
  );
}
