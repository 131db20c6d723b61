import { describe, expect, it } from "vitest";
import {
  barsInView,
  DAY,
  dayAround,
  formatSeconds,
  HOUR,
  isComplete,
  marksInView,
  mergeRanges,
  MINUTE,
  SECOND,
  selectionFromDrag,
  stepSpeed,
  ticks,
  timeToX,
  viewAround,
  withIn,
  withOut,
  xToTime,
  type Mark,
} from "./timelineMath";

const T0 = Date.parse("2026-12-02T00:00:00Z");
const day = { start: T0, end: T0 + DAY };

describe("time ↔ pixel", () => {
  it("puts the day's start, middle and end at the bar's left edge, centre and right edge", () => {
    expect(timeToX(T0, day, 960)).toBe(0);
    expect(timeToX(T0 + 12 * HOUR, day, 960)).toBe(480);
    expect(timeToX(T0 + DAY, day, 960)).toBe(960);
  });

  it("turns a pixel back into the moment it shows", () => {
    const view = { start: T0, end: T0 + 10 * MINUTE };
    for (const time of [T0, T0 + 90 * SECOND, T0 + 7 * MINUTE + 250]) {
      expect(xToTime(timeToX(time, view, 1200), view, 1200)).toBeCloseTo(time, 6);
    }
  });

  it("keeps a pointer left or right of the bar on the bar's ends", () => {
    expect(xToTime(-30, day, 960)).toBe(day.start);
    expect(xToTime(2000, day, 960)).toBe(day.end);
  });
});

describe("the day and the view", () => {
  it("centres the day on the moment, but never past now", () => {
    const now = T0 + 20 * HOUR;
    expect(dayAround(T0 + 2 * HOUR, now)).toEqual({ start: T0 + 14 * HOUR - DAY, end: T0 + 14 * HOUR });
    expect(dayAround(T0 + 19 * HOUR, now)).toEqual({ start: now - DAY, end: now });
  });

  it("zooms around a moment and slides the view back inside the day at its ends", () => {
    expect(viewAround(T0 + 12 * HOUR, HOUR, day)).toEqual({ start: T0 + 11.5 * HOUR, end: T0 + 12.5 * HOUR });
    expect(viewAround(T0 + 5 * MINUTE, HOUR, day)).toEqual({ start: T0, end: T0 + HOUR });
    expect(viewAround(T0 + DAY - MINUTE, HOUR, day)).toEqual({ start: T0 + DAY - HOUR, end: T0 + DAY });
  });

  it("labels the view with round ticks, not more than asked for", () => {
    // Ten one-minute ticks would be too many: five-minute ones.
    expect(ticks({ start: T0 + 5 * SECOND, end: T0 + 10 * MINUTE }, 8)).toEqual([T0 + 5 * MINUTE, T0 + 10 * MINUTE]);
    expect(ticks({ start: T0 + 5 * SECOND, end: T0 + 10 * MINUTE }, 12)).toHaveLength(10);
  });
});

describe("recorded ranges and gaps", () => {
  it("draws a range across the view's edge only where it is in view", () => {
    const view = { start: T0 + HOUR, end: T0 + 2 * HOUR };
    const bars = barsInView([{ start: T0 + 30 * MINUTE, end: T0 + 90 * MINUTE }], view, 600);
    expect(bars).toEqual([{ x: 0, width: 300 }]);
  });

  it("leaves out ranges wholly outside the view", () => {
    const view = { start: T0 + HOUR, end: T0 + 2 * HOUR };
    expect(barsInView([{ start: T0, end: T0 + HOUR }, { start: T0 + 3 * HOUR, end: T0 + 4 * HOUR }], view, 600)).toEqual([]);
  });

  it("keeps a 2-second gap visible on the 24-hour bar", () => {
    const gap = { start: T0 + 6 * HOUR, end: T0 + 6 * HOUR + 2 * SECOND };
    const [bar] = barsInView([gap], day, 960);
    expect(bar?.x).toBe(240);
    expect(bar?.width).toBe(1); // 2 s is 0.02 px at this zoom
  });

  it("merges segments that touch or overlap into one recorded range, keeping real gaps", () => {
    const segments = [
      { start: T0 + 60 * SECOND, end: T0 + 120 * SECOND },
      { start: T0, end: T0 + 60 * SECOND },
      { start: T0 + 120 * SECOND + 200, end: T0 + 180 * SECOND },
      { start: T0 + 300 * SECOND, end: T0 + 360 * SECOND },
    ];
    expect(mergeRanges(segments, 500)).toEqual([
      { start: T0, end: T0 + 180 * SECOND },
      { start: T0 + 300 * SECOND, end: T0 + 360 * SECOND },
    ]);
  });
});

describe("event marks", () => {
  const marks: Mark[] = [
    { kind: "plate", time: T0 + 3 * HOUR, label: "Plate read: LEA-1234" },
    { kind: "alert", time: T0 + HOUR, label: "Alert 4" },
    { kind: "violation", time: T0 - MINUTE, label: "Violation" },
  ];

  it("places the marks in view at their moments, oldest first", () => {
    expect(marksInView(marks, day, 2400).map((m) => [m.kind, m.x])).toEqual([
      ["alert", 100],
      ["plate", 300],
    ]);
  });
});

describe("range selection", () => {
  const view = { start: T0, end: T0 + 10 * MINUTE };

  it("selects the same range whichever way the pointer is dragged", () => {
    const right = selectionFromDrag(100, 140, view, 1000);
    expect(right).toEqual({ start: T0 + 60 * SECOND, end: T0 + 84 * SECOND });
    expect(selectionFromDrag(140, 100, view, 1000)).toEqual(right);
  });

  it("builds a range from in and out marks, shown in seconds", () => {
    const range = withOut(withIn({}, T0 + 5 * SECOND), T0 + 25 * SECOND);
    expect(range).toEqual({ start: T0 + 5 * SECOND, end: T0 + 25 * SECOND });
    expect(isComplete(range)).toBe(true);
    expect(formatSeconds(20 * SECOND)).toBe("20.0 s");
  });

  it("starts a new range when a mark lands on the wrong side of the other", () => {
    const range = { start: T0 + 10 * SECOND, end: T0 + 20 * SECOND };
    expect(withIn(range, T0 + 30 * SECOND)).toEqual({ start: T0 + 30 * SECOND });
    expect(withOut(range, T0 + 5 * SECOND)).toEqual({ end: T0 + 5 * SECOND });
    expect(isComplete({ start: T0 })).toBe(false);
  });
});

describe("speed", () => {
  it("steps through 0.5, 1, 2 and 4× and stops at the ends", () => {
    expect(stepSpeed(1, 1)).toBe(2);
    expect(stepSpeed(2, 1)).toBe(4);
    expect(stepSpeed(4, 1)).toBe(4);
    expect(stepSpeed(1, -1)).toBe(0.5);
    expect(stepSpeed(0.5, -1)).toBe(0.5);
  });
});
