/**
 * /cameras/:cameraId/playback?at=ISO: a camera's recorded footage on a 24-hour timeline. Opens paused at
 * `at` (links elsewhere give the moment minus a pre-roll); the operator scrubs, steps frames, changes
 * speed, marks a range and exports it to an evidence case. Recorded video is personal data: nothing loads
 * before the user states a purpose, which the server audits with every request.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { useCameraRegistry } from "../../api/useCameraRegistry";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { StateMessage } from "../../components/StateMessage";
import { usePurposePrompt, type Purpose } from "../../components/PurposeDialog";
import { PRE_ROLL_SECONDS } from "../../components/PlayVideoLink";
import { ExportDialog, MAX_EXPORT_MS } from "./ExportDialog";
import { PlayerControls } from "./PlayerControls";
import { mediaAt } from "./programTime";
import { usePlayerShortcuts } from "./shortcuts";
import { MarkList, Timeline } from "./Timeline";
import { dayAround, HOUR, isComplete, MINUTE, SECOND, stepSpeed, viewAround, withIn, withOut, ZOOM_SPANS, type Span } from "./timelineMath";
import { usePlayhead } from "./usePlayhead";
import { useRecordedVideo } from "./useRecordedVideo";
import { useMarks, useRecordings } from "./useTimelineData";
import "./playback.css";
import { Options } from "../../components/Options";
import { t } from "../../i18n/catalogue";

/** Frame step when the stream does not say its rate: 25 fps, the cameras' usual. */
const FRAME_SECONDS = 1 / 25;
const JUMP_MS = 10 * SECOND;
/** Without `at`: a minute ago, the newest footage that is surely written. */
const DEFAULT_LOOK_BACK_MS = MINUTE;

/** A new camera or moment (another "Play video" link) starts a fresh player, purpose prompt included. */
export default function PlaybackRoute() {
  const { cameraId = "" } = useParams();
  const [params] = useSearchParams();
  const at = params.get("at") ?? "";
  return <PlaybackPage key={`${cameraId} ${at}`} cameraId={cameraId} atParam={at} />;
}

function PlaybackPage({ cameraId, atParam }: { cameraId: string; atParam: string }) {
  const [now] = useState(() => Date.now());
  const requested = Date.parse(atParam);
  const at = Number.isNaN(requested) ? now - DEFAULT_LOOK_BACK_MS : Math.min(requested, now);
  const day = useMemo(() => dayAround(at, now), [at, now]);
  const { names } = useCameraRegistry();
  const cameraName = names.get(cameraId) ?? cameraId;
  const { can } = useAuth();

  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const [dialog, askPurpose] = usePurposePrompt();
  const statePurpose = useCallback(async () => {
    const stated = await askPurpose(t("playback.playRecordedVideoOf", { cameraName }));
    if (stated) setPurpose(stated);
  }, [askPurpose, cameraName]);
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    void statePurpose();
  }, [statePurpose]);

  const recordings = useRecordings(cameraId, day, purpose, 0);
  const marks = useMarks(cameraId, day, purpose, 0);
  const recorded = recordings.resource.data?.ranges;
  const playable = useMemo<Span>(() => ({ start: day.start, end: now }), [day.start, now]);
  const [videoWindow, setVideoWindow] = useState<Span>(() => viewAround(at, HOUR, playable));
  const [pendingSeek, setPendingSeek] = useState<number | null>(at);
  const videoRef = useRef<HTMLVideoElement>(null);
  const source = useMemo(
    () => (purpose && recorded ? { cameraId, window: videoWindow, purpose, recorded } : null),
    [cameraId, videoWindow, purpose, recorded],
  );
  const video = useRecordedVideo(videoRef, source);
  const { wall, playing } = usePlayhead(videoRef, video.pieces);
  const [metadataLoaded, setMetadataLoaded] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [selection, setSelection] = useState<Partial<Span>>({});
  const [exporting, setExporting] = useState(false);
  // The hour around the moment: on the whole day a 20-second range is a fraction of a pixel.
  const [zoom, setZoom] = useState(HOUR);
  const [viewCenter, setViewCenter] = useState(at);
  const view = useMemo(() => viewAround(viewCenter, zoom, day), [viewCenter, zoom, day]);

  useEffect(() => {
    const element = videoRef.current;
    if (!element) return;
    const loaded = () => setMetadataLoaded(true);
    const emptied = () => setMetadataLoaded(false);
    element.addEventListener("loadedmetadata", loaded);
    element.addEventListener("emptied", emptied);
    return () => {
      element.removeEventListener("loadedmetadata", loaded);
      element.removeEventListener("emptied", emptied);
    };
  }, []);

  // The moment asked for, once the footage around it can be positioned.
  useEffect(() => {
    const element = videoRef.current;
    if (pendingSeek === null || !element || !metadataLoaded || video.pieces.length === 0) return;
    const target = mediaAt(video.pieces, pendingSeek) ?? lastMoment(video.pieces);
    if (target !== null) element.currentTime = target;
    setPendingSeek(null);
  }, [pendingSeek, metadataLoaded, video.pieces]);

  useEffect(() => {
    if (videoRef.current) videoRef.current.playbackRate = speed;
  }, [speed, metadataLoaded]);

  // Keep the playhead in view while it plays past the edge.
  useEffect(() => {
    if (wall !== null && (wall < view.start || wall > view.end)) setViewCenter(wall);
  }, [wall, view.start, view.end]);

  const seekWall = useCallback(
    (target: number) => {
      const element = videoRef.current;
      const clamped = Math.min(Math.max(target, playable.start), playable.end);
      const inWindow = clamped >= videoWindow.start && clamped < videoWindow.end;
      const media = inWindow ? mediaAt(video.pieces, clamped) : null;
      if (element && media !== null && metadataLoaded) {
        element.currentTime = media;
        return;
      }
      // Outside the loaded hour: load the hour around it, then seek.
      setMetadataLoaded(false);
      setVideoWindow(viewAround(clamped, HOUR, playable));
      setPendingSeek(clamped);
    },
    [playable, videoWindow, video.pieces, metadataLoaded],
  );

  const stepFrame = (direction: 1 | -1) => {
    const element = videoRef.current;
    if (!element) return;
    element.pause();
    element.currentTime = Math.max(0, element.currentTime + direction * FRAME_SECONDS);
  };
  const toggle = () => {
    const element = videoRef.current;
    if (!element) return;
    if (element.paused) void element.play().catch(() => undefined);
    else element.pause();
  };
  const mayExport = can(Permission.EVIDENCE_MANAGE);
  const complete = isComplete(selection) ? selection : null;
  const commands = {
    toggle,
    back10: () => wall !== null && seekWall(wall - JUMP_MS),
    forward10: () => wall !== null && seekWall(wall + JUMP_MS),
    frameBack: () => stepFrame(-1),
    frameForward: () => stepFrame(1),
    slower: () => setSpeed((current) => stepSpeed(current, -1)),
    faster: () => setSpeed((current) => stepSpeed(current, 1)),
    markIn: () => wall !== null && setSelection((current) => withIn(current, Math.round(wall))),
    markOut: () => wall !== null && setSelection((current) => withOut(current, Math.round(wall))),
    export: () => complete && mayExport && setExporting(true),
  };
  usePlayerShortcuts(commands);

  return (
    <div className="playback">
      {dialog}
      <div className="page-head">
        <h1>{t("playback.playback", { cameraName })}</h1>
        <div className="toolbar">
          <Link to={`/live`}>{t("playback.liveView")}</Link>
          {purpose ? (
            <span className="muted" role="status">
              {t("playback.purpose")}{" "}<strong>{purpose.purpose}</strong>
              {purpose.caseRef ? <>{" "}{t("playback.caseReference", { caseRef: purpose.caseRef })}</> : null}
            </span>
          ) : null}
          <button type="button" className="btn btn-quiet btn-small" onClick={() => void statePurpose()}>
            {purpose ? t("playback.changePurpose") : t("playback.statePurpose")}
          </button>
        </div>
      </div>
      {!purpose ? (
        <p className="state" role="status">
          {t("playback.recordedVideoShowsPeople")}
        </p>
      ) : (
        <StateMessage resource={recordings.resource} what="recordings" />
      )}
      <div className="playback-stage card">
        <video
          ref={videoRef}
          className="playback-video"
          aria-label={t("playback.recordedVideoOf", { cameraName })}
          playsInline
          muted
          preload="auto"
          data-testid="playback-video"
        />
        {video.status === "failed" ? (
          <p className="field-error" role="alert">
            {video.error}
          </p>
        ) : null}
        {video.status === "loading" ? (
          <p className="state" role="status">
            {t("playback.loadingVideo")}
          </p>
        ) : null}
      </div>
      <PlayerControls
        wall={wall}
        playing={playing}
        speed={speed}
        selection={selection}
        mayExport={mayExport}
        canExport={complete !== null && complete.end - complete.start <= MAX_EXPORT_MS}
        commands={commands}
        onSpeed={setSpeed}
        onClearSelection={() => setSelection({})}
      />
      <section className="card" aria-labelledby="timeline-title">
        <div className="section-head">
          <h2 id="timeline-title">{t("playback.timeline")}</h2>
          <div className="field field-inline">
            <label htmlFor="timeline-zoom">{t("playback.show")}</label>
            <select
              id="timeline-zoom"
              value={zoom}
              onChange={(e) => {
                setZoom(Number(e.target.value));
                if (wall !== null) setViewCenter(wall);
              }}
            >
              <Options items={ZOOM_SPANS} value={(z) => z.span} label={(z) => z.label} />
            </select>
          </div>
          {recordings.resource.data ? (
            <span className="muted">
              {t("playback.minRecordedInThese", { round: Math.round(recordings.resource.data.recordedSeconds / 60) })}
            </span>
          ) : null}
        </div>
        <Timeline
          view={view}
          recorded={recorded ?? []}
          gaps={recordings.resource.data?.gaps ?? []}
          marks={marks.resource.data ?? []}
          playhead={wall}
          selection={selection}
          onSeek={seekWall}
          onSelect={setSelection}
        />
        <MarkList marks={marks.resource.data ?? []} view={view} onSeek={(time) => seekWall(time - PRE_ROLL_SECONDS * SECOND)} />
      </section>
      {exporting && complete ? (
        <ExportDialog cameraId={cameraId} cameraName={cameraName} range={complete} onClose={() => setExporting(false)} />
      ) : null}
    </div>
  );
}

function lastMoment(pieces: readonly { mediaStart: number; duration: number }[]): number | null {
  const last = pieces[pieces.length - 1];
  return last ? last.mediaStart + last.duration : null;
}
