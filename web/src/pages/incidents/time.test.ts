import { describe, expect, it } from "vitest";
import { assignmentWith, incidentWith } from "./fixtures";
import { formatDistance, formatDuration, incidentAge, incidentTimers } from "./time";

const at = (iso: string) => Date.parse(iso);

describe("formatDuration", () => {
  it("says seconds, minutes, hours and days the way operators read them", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(45.9)).toBe("45 s");
    expect(formatDuration(245)).toBe("4 min 05 s");
    expect(formatDuration(2 * 3600 + 3 * 60 + 59)).toBe("2 h 03 min");
    expect(formatDuration(3 * 86400 + 4 * 3600)).toBe("3 d 04 h");
  });

  it("counts a negative span (clock skew) as zero", () => {
    expect(formatDuration(-3)).toBe("0 s");
  });
});

describe("formatDistance", () => {
  it("uses metres below a kilometre", () => {
    expect(formatDistance(849.6)).toBe("850 m");
    expect(formatDistance(2140)).toBe("2.1 km");
  });
});

describe("incident timers", () => {
  const labelsAndValues = (timers: ReturnType<typeof incidentTimers>) =>
    timers.map((t) => [t.label, t.seconds, t.running]);

  it("runs the age and waits for dispatch while no unit has been sent", () => {
    const timers = incidentTimers(incidentWith(), [], at("2025-01-01T10:00:30Z"));
    expect(labelsAndValues(timers)).toEqual([
      ["Age since reported", 30, true],
      ["Waiting for dispatch", 30, true],
      ["Time on scene", null, false],
    ]);
    expect(timers[2]?.pending).toBe("No unit on scene yet");
  });

  it("fixes time to dispatch at the first dispatch and runs time on scene from the first arrival", () => {
    const assignments = [
      assignmentWith({ id: 2, dispatched_at: "2025-01-01T10:02:00Z", on_scene_at: "2025-01-01T10:05:00Z" }),
      assignmentWith({ id: 1, dispatched_at: "2025-01-01T10:01:00Z", on_scene_at: "2025-01-01T10:06:00Z" }),
    ];
    const timers = incidentTimers(incidentWith({ status: "on_scene" }), assignments, at("2025-01-01T10:10:00Z"));
    expect(labelsAndValues(timers)).toEqual([
      ["Age since reported", 600, true],
      ["Time to dispatch", 60, false],
      ["Time on scene", 300, true],
    ]);
  });

  it("stops every timer when the incident is resolved", () => {
    const incident = incidentWith({ status: "closed", resolved_at: "2025-01-01T10:20:00Z" });
    const assignments = [assignmentWith({ on_scene_at: "2025-01-01T10:05:00Z" })];
    const timers = incidentTimers(incident, assignments, at("2025-01-01T12:00:00Z"));
    expect(labelsAndValues(timers)).toEqual([
      ["Age since reported", 1200, false],
      ["Time to dispatch", 60, false],
      ["Time on scene", 900, false],
    ]);
    expect(incidentAge(incident, at("2025-01-01T12:00:00Z"))).toBe(1200);
  });

  it("says an incident cancelled before dispatch never had a unit", () => {
    const incident = incidentWith({ status: "cancelled", updated_at: "2025-01-01T10:03:00Z" });
    const [age, dispatch] = incidentTimers(incident, [], at("2025-01-01T11:00:00Z"));
    expect(age?.seconds).toBe(180);
    expect(dispatch).toMatchObject({ seconds: null, pending: "No unit was dispatched" });
  });
});
