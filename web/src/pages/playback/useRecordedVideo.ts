/**
 * Puts a window of recorded footage into a <video>: through hls.js where the browser has Media Source
 * Extensions (the playlist and every segment are fetched with the session's token), else as one MP4 the
 * browser plays itself. Either way it reports the pieces that map media time to wall time.
 */
import Hls, { type Fragment } from "hls.js/light";
import { useEffect, useState, type RefObject } from "react";
import { buildQuery } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { purposeQuery, type Purpose } from "../../components/PurposeDialog";
import { piecesOfRecordings, type ProgramPiece } from "./programTime";
import type { Span } from "./timelineMath";
import { iso } from "./useTimelineData";
import { t } from "../../i18n/catalogue";

export interface VideoSource {
  cameraId: string;
  window: Span;
  purpose: Purpose;
  /** The recorded ranges, for the MP4 fallback's mapping. */
  recorded: readonly Span[];
}

export type VideoState =
  | { status: "idle" | "loading"; pieces: ProgramPiece[] }
  | { status: "ready"; pieces: ProgramPiece[] }
  | { status: "failed"; pieces: ProgramPiece[]; error: string };

/** hls.js needs MSE; browsers without it (iOS Safari) play MP4 natively. */
export function playsWithHlsJs(): boolean {
  return Hls.isSupported();
}

export function useRecordedVideo(videoRef: RefObject<HTMLVideoElement | null>, source: VideoSource | null): VideoState {
  const { client } = useAuth();
  const [state, setState] = useState<VideoState>({ status: "idle", pieces: [] });
  const cameraId = source?.cameraId;
  const start = source?.window.start;
  const end = source?.window.end;
  const purpose = source?.purpose;
  const recorded = source?.recorded;

  useEffect(() => {
    const video = videoRef.current;
    if (!video || cameraId === undefined || start === undefined || end === undefined || !purpose) return;
    setState({ status: "loading", pieces: [] });
    const path = `/api/v1/cameras/${encodeURIComponent(cameraId)}/video`;
    const query = { start: iso(start), end: iso(end), ...purposeQuery(purpose) };

    if (playsWithHlsJs()) {
      const hls = new Hls({
        xhrSetup: (xhr) => {
          if (client.token) xhr.setRequestHeader("Authorization", `Bearer ${client.token}`);
        },
      });
      const refresh = () => {
        const fragments = hls.levels[Math.max(hls.currentLevel, 0)]?.details?.fragments ?? [];
        setState({ status: "ready", pieces: piecesOfFragments(fragments) });
      };
      hls.on(Hls.Events.LEVEL_LOADED, refresh);
      hls.on(Hls.Events.FRAG_PARSED, refresh);
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        const status = data.response?.code;
        const error = status === 404 ? t("playback.nothingWasRecordedIn") : t("playback.theVideoCouldNot", { details: data.details });
        setState((previous) => ({ status: "failed", pieces: previous.pieces, error }));
      });
      hls.loadSource(`${client.baseUrl}${path}${buildQuery({ ...query, format: "hls" })}`);
      hls.attachMedia(video);
      return () => hls.destroy();
    }

    const controller = new AbortController();
    let url: string | null = null;
    client.blobUrl(`${path}${buildQuery({ ...query, format: "mp4" })}`, controller.signal).then(
      (created) => {
        url = created;
        if (controller.signal.aborted) return URL.revokeObjectURL(created);
        video.src = created;
        setState({ status: "ready", pieces: piecesOfRecordings(recorded ?? [], { start, end }) });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState({ status: "failed", pieces: [], error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      controller.abort();
      video.removeAttribute("src");
      if (url) URL.revokeObjectURL(url);
    };
  }, [client, videoRef, cameraId, start, end, purpose, recorded]);

  return state;
}

function piecesOfFragments(fragments: readonly Fragment[]): ProgramPiece[] {
  return fragments.flatMap((fragment) =>
    fragment.programDateTime === null
      ? []
      : [{ mediaStart: fragment.start, duration: fragment.duration, wallStart: fragment.programDateTime }],
  );
}
