import { describe, expect, it } from "vitest";
import type { Evidence } from "../types";
import { clipStatusText, groupEvidence } from "./groups";

const item = (kind: string, sha256: string): Evidence => ({ kind, sha256, captured_at: null, camera_id: "c", url: `/api/v1/media/${sha256}` });

describe("evidence grouping", () => {
  it("puts plate crops apart, orders frames before / at / after, and shows a file filed twice once", () => {
    const groups = groupEvidence([
      item("context_after", "c"),
      item("plate_crop", "p"),
      item("snapshot", "b"),
      item("context_before", "a"),
      item("context_at", "b"),
      item("clip", "v"),
    ]);
    expect(groups.plates.map((e) => e.sha256)).toEqual(["p"]);
    expect(groups.frames.map((f) => [f.item.sha256, f.kinds])).toEqual([
      ["a", ["context_before"]],
      ["b", ["snapshot", "context_at"]],
      ["c", ["context_after"]],
    ]);
    expect(groups.clips.map((e) => e.sha256)).toEqual(["v"]);
  });

  it("explains a missing clip", () => {
    expect(clipStatusText({ clip_status: "unavailable", clip_reason: "no recording of camera X" })).toBe("No clip: no recording of camera X.");
    expect(clipStatusText({ clip_status: null, clip_reason: null })).toBe("No clip for this violation.");
  });
});
