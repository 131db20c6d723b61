/**
 * Media time ↔ wall-clock time. The playlist's `#EXT-X-PROGRAM-DATE-TIME` gives each fragment the wall time
 * of its first frame; between recordings the media timeline runs on while the wall clock jumps over the gap,
 * so the mapping is one piece per fragment.
 */

export interface ProgramPiece {
  /** Media time of the piece's first frame, in seconds. */
  mediaStart: number;
  /** Seconds of media. */
  duration: number;
  /** Wall time of its first frame, epoch ms. */
  wallStart: number;
}

/** Wall time (epoch ms) of the frame at `mediaTime`, or null before the first or after the last piece. */
export function wallAt(pieces: readonly ProgramPiece[], mediaTime: number): number | null {
  const piece = pieceAtMedia(pieces, mediaTime);
  return piece ? piece.wallStart + (mediaTime - piece.mediaStart) * 1000 : null;
}

/**
 * Media time that shows wall time `wall`. In a gap between pieces: the start of the next recorded piece
 * (the first frame after the gap); past the end: null.
 */
export function mediaAt(pieces: readonly ProgramPiece[], wall: number): number | null {
  for (const piece of pieces) {
    const wallEnd = piece.wallStart + piece.duration * 1000;
    if (wall < piece.wallStart) return piece.mediaStart;
    if (wall < wallEnd) return piece.mediaStart + (wall - piece.wallStart) / 1000;
  }
  return null;
}

function pieceAtMedia(pieces: readonly ProgramPiece[], mediaTime: number): ProgramPiece | null {
  let found: ProgramPiece | null = null;
  for (const piece of pieces) {
    if (piece.mediaStart > mediaTime) break;
    found = piece;
  }
  if (!found || mediaTime > found.mediaStart + found.duration + 0.5) return null;
  return found;
}

/**
 * The pieces of one MP4 cut from `window`: the recorded ranges inside it, back to back (the file has no
 * gaps). Used where the browser plays the MP4 itself instead of HLS.
 */
export function piecesOfRecordings(recorded: readonly { start: number; end: number }[], window: { start: number; end: number }): ProgramPiece[] {
  const pieces: ProgramPiece[] = [];
  let mediaStart = 0;
  for (const range of [...recorded].sort((a, b) => a.start - b.start)) {
    const start = Math.max(range.start, window.start);
    const end = Math.min(range.end, window.end);
    if (end <= start) continue;
    const duration = (end - start) / 1000;
    pieces.push({ mediaStart, duration, wallStart: start });
    mediaStart += duration;
  }
  return pieces;
}
