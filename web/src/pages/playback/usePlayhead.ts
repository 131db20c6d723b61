/** The wall time of the frame on screen, and whether the video plays, following the <video>'s events. */
import { useEffect, useState, type RefObject } from "react";
import { wallAt, type ProgramPiece } from "./programTime";

export interface Playhead {
  wall: number | null;
  playing: boolean;
}

const EVENTS = ["timeupdate", "seeked", "seeking", "play", "pause", "loadedmetadata", "ended"] as const;

export function usePlayhead(videoRef: RefObject<HTMLVideoElement | null>, pieces: readonly ProgramPiece[]): Playhead {
  const [playhead, setPlayhead] = useState<Playhead>({ wall: null, playing: false });
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const update = () => setPlayhead({ wall: pieces.length ? wallAt(pieces, video.currentTime) : null, playing: !video.paused && !video.ended });
    update();
    for (const name of EVENTS) video.addEventListener(name, update);
    return () => {
      for (const name of EVENTS) video.removeEventListener(name, update);
    };
  }, [videoRef, pieces]);
  return playhead;
}
