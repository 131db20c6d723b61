import { describe, expect, it } from "vitest";
import { mediaAt, piecesOfRecordings, wallAt, type ProgramPiece } from "./programTime";

const T0 = Date.parse("2026-12-02T10:00:00Z");
// Two recordings with a 60-second gap between them: the media timeline runs on, the wall clock jumps.
const pieces: ProgramPiece[] = [
  { mediaStart: 0, duration: 4, wallStart: T0 },
  { mediaStart: 4, duration: 4, wallStart: T0 + 4000 },
  { mediaStart: 8, duration: 4, wallStart: T0 + 68_000 },
];

describe("media time ↔ wall time", () => {
  it("reads the wall time of a frame from its piece's program date-time", () => {
    expect(wallAt(pieces, 0)).toBe(T0);
    expect(wallAt(pieces, 5.5)).toBe(T0 + 5500);
    expect(wallAt(pieces, 9)).toBe(T0 + 69_000);
  });

  it("finds the media time that shows a wall time", () => {
    expect(mediaAt(pieces, T0 + 6000)).toBe(6);
    expect(mediaAt(pieces, T0 + 70_000)).toBe(10);
  });

  it("seeks into a gap to the first frame after it, and past the end to nothing", () => {
    expect(mediaAt(pieces, T0 + 30_000)).toBe(8);
    expect(mediaAt(pieces, T0 + 120_000)).toBeNull();
    expect(wallAt(pieces, 40)).toBeNull();
  });

  it("maps an MP4 cut from a window with a gap back to back", () => {
    const recorded = [
      { start: T0 - 10_000, end: T0 + 8000 },
      { start: T0 + 68_000, end: T0 + 200_000 },
    ];
    expect(piecesOfRecordings(recorded, { start: T0, end: T0 + 100_000 })).toEqual([
      { mediaStart: 0, duration: 8, wallStart: T0 },
      { mediaStart: 8, duration: 32, wallStart: T0 + 68_000 },
    ]);
  });
});
