import { describe, expect, it } from "vitest";
import type { RejectionStats } from "../types";
import { reasonRows, sinceFor } from "./rates";

describe("rejection rates", () => {
  const stats: RejectionStats = {
    by_camera: [
      { camera_id: "a", accepted: 6, rejected: 3, duplicates: 1, rejection_rate: 0.333, by_reason: { misread_plate: 3 } },
      { camera_id: "b", accepted: 0, rejected: 1, duplicates: 0, rejection_rate: 1, by_reason: { signal_fault: 1 } },
    ],
    by_reason: { misread_plate: 3, signal_fault: 1 },
  };

  it("gives each reason's share of rejections and its rate among all decided violations", () => {
    expect(reasonRows(stats)).toEqual([
      { reason: "misread_plate", rejections: 3, shareOfRejections: 0.75, rateOfDecided: 0.3 },
      { reason: "signal_fault", rejections: 1, shareOfRejections: 0.25, rateOfDecided: 0.1 },
    ]);
  });

  it("has no rows and no division by zero without decisions", () => {
    expect(reasonRows({ by_camera: [], by_reason: {} })).toEqual([]);
  });

  it("turns a period into the since parameter", () => {
    const now = new Date("2025-03-08T00:00:00Z");
    expect(sinceFor("7", now)).toBe("2025-03-01T00:00:00.000Z");
    expect(sinceFor("", now)).toBeUndefined();
  });
});
