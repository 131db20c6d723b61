import { describe, expect, it } from "vitest";
import { describeRedaction, redactionRecord, redactionRequest } from "./redaction";

describe("the redaction request", () => {
  it("sends the drawn regions as [x1, y1, x2, y2] boxes with the plates option", () => {
    expect(redactionRequest("Appeal", [{ x1: 215, y1: 170, x2: 265, y2: 184 }], true)).toEqual({
      purpose: "Appeal",
      regions: [[215, 170, 265, 184]],
      plates: true,
    });
    expect(redactionRequest("Appeal", [], false)).toEqual({ purpose: "Appeal", regions: [], plates: false });
  });
});

describe("what the server recorded as blurred", () => {
  it("reads an image's faces, plates and drawn regions apart", () => {
    const details = JSON.stringify({
      metadata: {},
      original_sha256: "a",
      regions: [
        [1, 1, 9, 9],
        [20, 20, 60, 34],
        [100, 100, 150, 120],
      ],
      face_regions: [[1, 1, 9, 9]],
      plate_regions: [[20, 20, 60, 34]],
      drawn_regions: [[100, 100, 150, 120]],
      plates_detected: true,
    });
    const record = redactionRecord(details);
    expect(record).toEqual({
      boxes: [
        { x1: 1, y1: 1, x2: 9, y2: 9 },
        { x1: 20, y1: 20, x2: 60, y2: 34 },
        { x1: 100, y1: 100, x2: 150, y2: 120 },
      ],
      drawn: [{ x1: 100, y1: 100, x2: 150, y2: 120 }],
      faces: 1,
      plates: 1,
      frames: null,
    });
    expect(describeRedaction(record!)).toBe(
      "The server blurred 1 face region, 1 plate region and 1 drawn region.",
    );
  });

  it("says when plates were not searched for", () => {
    const record = redactionRecord(
      JSON.stringify({ regions: [[5, 5, 9, 9]], face_regions: [], plate_regions: [], drawn_regions: [[5, 5, 9, 9]], plates_detected: false }),
    );
    expect(record?.plates).toBeNull();
    expect(describeRedaction(record!)).toBe(
      "The server blurred 0 face regions and 1 drawn region. Number plates were not searched for.",
    );
  });

  it("reads a video's counts and its regions drawn for every frame", () => {
    const record = redactionRecord(
      JSON.stringify({ frames: 42, regions: 7, face_regions: 5, plate_regions: 2, drawn_regions: [[0, 0, 10, 10]], plates_detected: true }),
    );
    expect(record).toMatchObject({ boxes: [], faces: 5, plates: 2, frames: 42 });
    expect(describeRedaction(record!)).toBe(
      "The server blurred 5 face detections, 2 plate detections and 1 drawn region in every frame over 42 frames.",
    );
  });

  it("reads copies made before drawn regions existed, and refuses what is not JSON", () => {
    expect(redactionRecord('{"regions": [[1, 2, 3, 4], [5, 6, 7, 8]]}')).toMatchObject({ faces: 2, drawn: [], plates: null });
    expect(redactionRecord("not json")).toBeNull();
  });
});
