import { buildQuery } from "../../api/client";
import { describe, expect, it } from "vitest";
import type { LiveEvent } from "../../api/types";
import {
  alertOfEvent,
  alertsQuery,
  allowedActions,
  DEFAULT_FILTERS,
  isAllowed,
  mergeAlert,
  refusalReason,
  sortAlerts,
} from "./queue";
import { makeAlert } from "./testData";

const EVERYTHING = { act: true, manageIncidents: true };

function liveEvent(type: string, extra: Record<string, unknown>): LiveEvent {
  return { id: "ev", type, time: "2025-05-01T10:00:00Z", camera_id: null, source: "", payload: {}, ...extra };
}

describe("the alerts request", () => {
  it("repeats status for the open statuses and adds the other filters", () => {
    const query = new URLSearchParams(buildQuery(alertsQuery({ status: "open", severity: "high", cameraId: "cam 1" })));
    expect(query.getAll("status")).toEqual(["new", "escalated", "acknowledged", "assigned", "confirmed"]);
    expect(query.get("severity")).toBe("high");
    expect(query.get("camera_id")).toBe("cam 1");
  });

  it("sends no status for all alerts", () => {
    expect(new URLSearchParams(buildQuery(alertsQuery({ ...DEFAULT_FILTERS, status: "" }))).has("status")).toBe(false);
  });
});

describe("queue order", () => {
  it("puts open before closed, then the most severe, then the newest activity", () => {
    const alerts = [
      makeAlert({ id: 1, severity: "critical", status: "dismissed" }),
      makeAlert({ id: 2, severity: "low", last_seen: "2025-05-01T12:00:00Z" }),
      makeAlert({ id: 3, severity: "high", last_seen: "2025-05-01T09:00:00Z" }),
      makeAlert({ id: 4, severity: "high", last_seen: "2025-05-01T11:00:00Z" }),
      makeAlert({ id: 5, severity: "critical", status: "acknowledged" }),
    ];
    expect(sortAlerts(alerts).map((a) => a.id)).toEqual([5, 4, 3, 2, 1]);
  });

  it("breaks ties by the newer alert", () => {
    expect(sortAlerts([makeAlert({ id: 1 }), makeAlert({ id: 2 })]).map((a) => a.id)).toEqual([2, 1]);
  });
});

describe("merging a changed alert", () => {
  const held = [makeAlert({ id: 1, severity: "high" }), makeAlert({ id: 2 })];

  it("inserts a new alert in queue order", () => {
    const merged = mergeAlert(held, makeAlert({ id: 3, severity: "critical" }), DEFAULT_FILTERS);
    expect(merged.map((a) => a.id)).toEqual([3, 1, 2]);
  });

  it("replaces the held copy with a newer one", () => {
    const newer = makeAlert({ id: 2, status: "acknowledged", updated_at: "2025-05-01T10:05:00Z" });
    const merged = mergeAlert(held, newer, DEFAULT_FILTERS);
    expect(merged.find((a) => a.id === 2)?.status).toBe("acknowledged");
    expect(merged).toHaveLength(2);
  });

  it("ignores a copy older than the one held (events and responses can cross)", () => {
    const current = [makeAlert({ id: 1, status: "acknowledged", updated_at: "2025-05-01T10:05:00Z" })];
    const stale = makeAlert({ id: 1, status: "new", updated_at: "2025-05-01T10:00:00Z" });
    expect(mergeAlert(current, stale, DEFAULT_FILTERS)[0]?.status).toBe("acknowledged");
  });

  it("drops an alert that no longer matches the filters", () => {
    const dismissed = makeAlert({ id: 2, status: "dismissed", updated_at: "2025-05-01T10:05:00Z" });
    expect(mergeAlert(held, dismissed, DEFAULT_FILTERS).map((a) => a.id)).toEqual([1]);
    expect(mergeAlert(held, dismissed, { ...DEFAULT_FILTERS, status: "" }).map((a) => a.id)).toEqual([1, 2]);
  });

  it("does not add an alert from another camera than the one filtered", () => {
    const other = makeAlert({ id: 9, camera_id: "cam-2" });
    expect(mergeAlert(held, other, { ...DEFAULT_FILTERS, cameraId: "cam-1" }).map((a) => a.id)).toEqual([1, 2]);
  });
});

describe("reading alert events", () => {
  it("takes the alert an alert.* event carries", () => {
    const alert = makeAlert({ id: 4 });
    expect(alertOfEvent(liveEvent("alert.created", { alert, action: "created" }))).toEqual(alert);
  });

  it("returns null for other events and for malformed alerts", () => {
    expect(alertOfEvent(liveEvent("camera.health", { alert: makeAlert() }))).toBeNull();
    expect(alertOfEvent(liveEvent("alert.updated", {}))).toBeNull();
    expect(alertOfEvent(liveEvent("alert.updated", { alert: { ...makeAlert(), status: "lost" } }))).toBeNull();
  });
});

describe("the queue order", () => {
  it("puts critical alarms first, then the server's priority score", () => {
    const busy = makeAlert({ id: 1, severity: "high", priority: 80 });
    const waiting = makeAlert({ id: 2, severity: "medium", priority: 95 });
    const armed = makeAlert({ id: 3, severity: "high", priority: 1100, critical: true });
    expect(sortAlerts([busy, waiting, armed]).map((a) => a.id)).toEqual([3, 2, 1]);
  });
});

describe("actions allowed by status", () => {
  const CLOSE = ["close_true", "close_false", "close_nuisance"];
  const cases: [string, string[]][] = [
    ["new", ["acknowledge", "assign", "escalate", "dismiss", "incident", ...CLOSE]],
    ["escalated", ["acknowledge", "assign", "escalate", "dismiss", "incident", ...CLOSE]],
    ["acknowledged", ["assign", "escalate", "dismiss", "incident", ...CLOSE]],
    ["assigned", ["assign", "escalate", "dismiss", "incident", ...CLOSE]],
    ["confirmed", ["assign", "escalate", "incident", ...CLOSE]],
    ["dismissed", []],
    ["resolved", []],
  ];
  it.each(cases)("%s allows %j", (status, actions) => {
    expect(allowedActions(makeAlert({ status: status as never }), EVERYTHING)).toEqual(actions);
  });

  it("offers no second incident and none without incidents.manage", () => {
    expect(isAllowed(makeAlert({ incident_id: 5 }), "incident", EVERYTHING)).toBe(false);
    expect(isAllowed(makeAlert(), "incident", { act: true, manageIncidents: false })).toBe(false);
    expect(allowedActions(makeAlert(), { act: false, manageIncidents: true })).toEqual(["incident"]);
  });

  it("says why an action is refused", () => {
    expect(refusalReason(makeAlert({ id: 3, status: "dismissed" }), "acknowledge", EVERYTHING)).toBe(
      "Alert 3 is dismissed: it cannot be acknowledged.",
    );
    expect(refusalReason(makeAlert({ id: 3, incident_id: 8 }), "incident", EVERYTHING)).toBe(
      "Alert 3 already has incident 8.",
    );
  });
});
