import { describe, expect, it } from "vitest";
import { pathOf, trajectoryPoints } from "./trajectory";
import type { PlateSighting } from "./types";

function sighting(camera: string, time: string, position: [number, number] | null = [31.5, 74.3]): PlateSighting {
  return {
    camera_id: camera,
    time,
    text: "LEB-06-5700",
    latitude: position ? position[0] : null,
    longitude: position ? position[1] : null,
    confidence: 0.9,
    direction: null,
    crop_sha256: null,
    event_id: `${camera}-${time}`,
  };
}

describe("trajectoryPoints", () => {
  it("numbers sightings from 1 in time order whatever order they arrive in", () => {
    const points = trajectoryPoints([
      sighting("c", "2026-05-01T08:30:00Z"),
      sighting("a", "2026-05-01T08:00:00Z"),
      sighting("b", "2026-05-01T08:10:00+00:00"),
    ]);
    expect(points.map((p) => [p.number, p.sighting.camera_id])).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ]);
  });

  it("compares instants, not text, across time zones", () => {
    const points = trajectoryPoints([sighting("later", "2026-05-01T10:00:00+05:00"), sighting("earlier", "2026-05-01T04:30:00Z")]);
    expect(points.map((p) => p.sighting.camera_id)).toEqual(["earlier", "later"]);
  });

  it("keeps the server's order for equal times", () => {
    const points = trajectoryPoints([sighting("first", "2026-05-01T08:00:00Z"), sighting("second", "2026-05-01T08:00:00Z")]);
    expect(points.map((p) => p.sighting.camera_id)).toEqual(["first", "second"]);
  });

  it("keeps sightings without a camera position in the list but off the line", () => {
    const points = trajectoryPoints([
      sighting("a", "2026-05-01T08:00:00Z", [31.5, 74.3]),
      sighting("b", "2026-05-01T08:05:00Z", null),
      sighting("c", "2026-05-01T08:10:00Z", [31.6, 74.4]),
    ]);
    expect(points[1]?.position).toBeNull();
    expect(points[1]?.number).toBe(2);
    expect(pathOf(points)).toEqual([
      [31.5, 74.3],
      [31.6, 74.4],
    ]);
  });
});
