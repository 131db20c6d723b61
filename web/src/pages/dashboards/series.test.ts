import { describe, expect, it } from "vitest";
import { fillBuckets, formatDuration, responseRows, uptimeText, uptimeWorstFirst } from "./series";
import type { CameraUptime, CountSeries, IntervalStats } from "./types";

function series(points: CountSeries["points"], overrides: Partial<CountSeries> = {}): CountSeries {
  return {
    since: "2026-03-01T09:00:00Z",
    until: "2026-03-01T13:30:00Z",
    bucket: "hour",
    bucket_seconds: 3600,
    group_by: "severity",
    groups: ["critical", "high", "low"],
    points,
    total: points.reduce((sum, p) => sum + p.count, 0),
    ...overrides,
  };
}

describe("fillBuckets", () => {
  it("gives every bucket of the window, the partial last one included, with empty ones as zero", () => {
    const filled = fillBuckets(
      series([
        { start: "2026-03-01T09:00:00Z", group: "high", count: 2 },
        { start: "2026-03-01T11:00:00Z", group: "critical", count: 1 },
        { start: "2026-03-01T11:00:00Z", group: "high", count: 3 },
      ]),
    );

    expect(filled.starts.map((d) => d.toISOString())).toEqual([
      "2026-03-01T09:00:00.000Z",
      "2026-03-01T10:00:00.000Z",
      "2026-03-01T11:00:00.000Z",
      "2026-03-01T12:00:00.000Z",
      "2026-03-01T13:00:00.000Z",
    ]);
    expect(filled.groups).toEqual([
      { group: "critical", counts: [0, 0, 1, 0, 0] },
      { group: "high", counts: [2, 0, 3, 0, 0] },
      { group: "low", counts: [0, 0, 0, 0, 0] },
    ]);
    expect(filled.totals).toEqual([2, 0, 4, 0, 0]);
  });

  it("keeps a group the server did not announce instead of dropping its counts", () => {
    const filled = fillBuckets(series([{ start: "2026-03-01T10:00:00Z", group: "unknown", count: 5 }]));

    expect(filled.groups.at(-1)).toEqual({ group: "unknown", counts: [0, 5, 0, 0, 0] });
    expect(filled.totals[1]).toBe(5);
  });

  it("steps by days for daily buckets", () => {
    const filled = fillBuckets(
      series([{ start: "2026-03-03T00:00:00Z", group: "all", count: 7 }], {
        since: "2026-03-01T00:00:00Z",
        until: "2026-03-03T08:00:00Z",
        bucket: "day",
        bucket_seconds: 86400,
        groups: ["all"],
      }),
    );

    expect(filled.starts).toHaveLength(3);
    expect(filled.groups).toEqual([{ group: "all", counts: [0, 0, 7] }]);
  });
});

function camera(name: string, available: number | null): CameraUptime {
  return {
    camera_id: name.toLowerCase(),
    name,
    observed_seconds: available === null ? 0 : 3600,
    available_percent: available,
    healthy_percent: available,
  };
}

describe("uptimeWorstFirst", () => {
  it("puts cameras never observed first, then the lowest uptime, ties by name", () => {
    const sorted = uptimeWorstFirst([
      camera("Gate", 99.5),
      camera("Bridge", 100),
      camera("Market", 42),
      camera("Depot", null),
      camera("Avenue", 99.5),
    ]);

    expect(sorted.map((c) => c.name)).toEqual(["Depot", "Market", "Avenue", "Gate", "Bridge"]);
  });

  it("does not reorder the answer it was given", () => {
    const cameras = [camera("B", 100), camera("A", 10)];
    uptimeWorstFirst(cameras);
    expect(cameras.map((c) => c.name)).toEqual(["B", "A"]);
  });

  it("says the percentage in words", () => {
    expect(uptimeText(camera("A", 87.25))).toBe("87.3 %");
    expect(uptimeText(camera("A", 100))).toBe("100 %");
    expect(uptimeText(camera("A", null))).toBe("not observed");
  });
});

function stats(count: number, p50: number | null): IntervalStats {
  return { count, p50, p90: p50, p95: p50, target_s: 60, within_target: null, met: null };
}

describe("responseRows", () => {
  it("reads time to dispatch and time to arrival of all incidents", () => {
    const rows = responseRows({
      all: { call_processing: stats(3, 60), turnout: stats(3, 5), total_response: stats(2, 260) },
    });

    expect(rows.map((r) => [r.label, r.count, r.seconds.p50])).toEqual([
      ["Time to dispatch", 3, 60],
      ["Time to arrival", 2, 260],
    ]);
  });

  it("is empty when no incident was dispatched", () => {
    expect(responseRows({})).toEqual([]);
    expect(responseRows({ all: { call_processing: stats(0, null), total_response: stats(0, null) } })).toEqual([]);
  });
});

describe("formatDuration", () => {
  it("reads like a clock", () => {
    expect(formatDuration(44.6)).toBe("45 s");
    expect(formatDuration(185)).toBe("3 min 05 s");
    expect(formatDuration(3720)).toBe("1 h 02 min");
    expect(formatDuration(null)).toBe("—");
  });
});
