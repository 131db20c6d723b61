import { describe, expect, it } from "vitest";
import { nextPending } from "./alarmPopup";
import { makeAlert } from "./testData";

describe("the critical alarm pop-up", () => {
  it("opens for a new critical alarm and closes once someone has taken it on", () => {
    const armed = makeAlert({ id: 7, kind: "vehicle_hit", severity: "high", critical: true });
    const pending = nextPending([], armed);
    expect(pending.map((a) => a.id)).toEqual([7]);
    expect(nextPending(pending, { ...armed, status: "acknowledged", acknowledged_at: "2025-05-01T10:01:00Z" })).toEqual([]);
    expect(nextPending(pending, { ...armed, incident_id: 12 })).toEqual([]);
  });

  it("ignores alarms that are not critical and keeps several critical ones in arrival order", () => {
    const routine = makeAlert({ id: 1 });
    const panic = makeAlert({ id: 2, kind: "panic", severity: "critical", critical: true });
    const face = makeAlert({ id: 3, kind: "face_candidate", status: "confirmed", critical: true });
    expect(nextPending([], routine)).toEqual([]);
    expect(nextPending(nextPending([], panic), face).map((a) => a.id)).toEqual([2, 3]);
  });
});
