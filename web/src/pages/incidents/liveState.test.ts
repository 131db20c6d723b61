import { describe, expect, it } from "vitest";
import { incidentWith, liveEvent, unitWith } from "./fixtures";
import { boardReducer, EMPTY_BOARD, incidentOf, unitChangeOf, upsert, type BoardState } from "./liveState";

const loaded = (state: BoardState = EMPTY_BOARD) =>
  boardReducer(state, {
    kind: "loaded",
    units: [unitWith({ id: "p-2", callsign: "P-2" }), unitWith()],
    incidents: [],
  });

describe("reading live events", () => {
  it("reads the incident of incident.created and incident.updated", () => {
    const incident = incidentWith();
    expect(incidentOf(liveEvent("incident.updated", { incident, action: "status" }))).toEqual(incident);
    expect(incidentOf(liveEvent("incident.created", { incident }))).toEqual(incident);
    expect(incidentOf(liveEvent("alert.created", { incident }))).toBeNull();
  });

  it("reads the unit, action and incident of unit.updated, also from the payload", () => {
    const unit = unitWith({ status: "dispatched", current_assignment_id: 4 });
    expect(unitChangeOf(liveEvent("unit.updated", { unit, action: "assigned", incident_id: 7 }))).toEqual({
      unit,
      action: "assigned",
      incidentId: 7,
    });
    expect(unitChangeOf(liveEvent("unit.updated", { payload: { unit, action: "location" } }))).toEqual({
      unit,
      action: "location",
      incidentId: null,
    });
  });

  it("ignores malformed events", () => {
    expect(unitChangeOf(liveEvent("unit.updated", { unit: { id: 3 } }))).toBeNull();
    expect(incidentOf(liveEvent("incident.updated", { incident: "7" }))).toBeNull();
  });
});

describe("upsert", () => {
  it("adds new items and replaces known ones", () => {
    const a = unitWith();
    const b = unitWith({ id: "p-2" });
    expect(upsert([a], b)).toEqual([a, b]);
    const moved = { ...a, status: "out_of_service" as const, updated_at: "2025-01-01T10:10:00Z" };
    expect(upsert([a, b], moved)).toEqual([moved, b]);
  });

  it("never lets an older copy replace a newer one", () => {
    const newer = unitWith({ status: "en_route", updated_at: "2025-01-01T10:10:00Z" });
    const older = unitWith({ status: "dispatched", updated_at: "2025-01-01T10:05:00Z" });
    const items = [newer];
    expect(upsert(items, older)).toBe(items);
  });
});

describe("the dispatch board state", () => {
  it("keeps units sorted by id", () => {
    expect(loaded().units.map((u) => u.id)).toEqual(["p-1", "p-2"]);
  });

  it("shows another operator's status change and which incident an assigned unit is on", () => {
    const assigned = unitWith({ status: "dispatched", current_assignment_id: 4, incident_id: 7, updated_at: "2025-01-01T10:05:00Z" });
    let state = boardReducer(loaded(), { kind: "event", event: liveEvent("unit.updated", { unit: assigned, action: "assigned", incident_id: 7 }) });
    state = boardReducer(state, {
      kind: "event",
      event: liveEvent("incident.updated", { incident: incidentWith({ status: "dispatched" }), action: "dispatch" }),
    });
    const unit = state.units[0]!;
    expect(unit.status).toBe("dispatched");
    expect(unit.incident_id).toBe(7);
    expect(state.incidents[7]?.status).toBe("dispatched");
  });

  it("forgets the incident once the unit is cleared", () => {
    const assigned = unitWith({ status: "on_scene", current_assignment_id: 4, incident_id: 7, updated_at: "2025-01-01T10:05:00Z" });
    const cleared = unitWith({ status: "cleared", current_assignment_id: null, updated_at: "2025-01-01T10:20:00Z" });
    let state = boardReducer(loaded(), { kind: "event", event: liveEvent("unit.updated", { unit: assigned, action: "status", incident_id: 7 }) });
    state = boardReducer(state, { kind: "event", event: liveEvent("unit.updated", { unit: cleared, action: "status", incident_id: 7 }) });
    expect(state.units[0]?.incident_id).toBeNull();
  });

  it("adds a unit created by someone else", () => {
    const created = unitWith({ id: "a-9", callsign: "A-9", type: "ambulance" });
    const state = boardReducer(loaded(), { kind: "event", event: liveEvent("unit.updated", { unit: created, action: "created" }) });
    expect(state.units.map((u) => u.id)).toEqual(["a-9", "p-1", "p-2"]);
  });

  it("keeps a live change newer than a snapshot loaded afterwards", () => {
    const live = unitWith({ status: "out_of_service", updated_at: "2025-01-01T10:30:00Z" });
    const state = boardReducer(EMPTY_BOARD, { kind: "event", event: liveEvent("unit.updated", { unit: live, action: "status" }) });
    expect(loaded(state).units.find((u) => u.id === "p-1")?.status).toBe("out_of_service");
  });

  it("ignores an incident update older than the one it has", () => {
    const newer = incidentWith({ status: "resolved", updated_at: "2025-01-01T10:30:00Z" });
    const older = incidentWith({ status: "dispatched", updated_at: "2025-01-01T10:10:00Z" });
    let state = boardReducer(EMPTY_BOARD, { kind: "event", event: liveEvent("incident.updated", { incident: newer }) });
    state = boardReducer(state, { kind: "event", event: liveEvent("incident.updated", { incident: older }) });
    expect(state.incidents[7]?.status).toBe("resolved");
  });
});
