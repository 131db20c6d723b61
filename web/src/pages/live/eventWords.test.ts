import { describe, expect, it } from "vitest";
import type { LiveEvent } from "../../api/types";
import { describeEvent, isChatter } from "./eventWords";

const event = (type: string, fields: Record<string, unknown> = {}, payload: Record<string, unknown> = {}): LiveEvent =>
  ({ id: "e", type, time: "2026-12-03T09:00:00Z", camera_id: "cam-1", source: "worker", payload, ...fields }) as LiveEvent;

describe("the live feed in words", () => {
  it("says a new alarm with its severity and title, highlighted", () => {
    const words = describeEvent(event("alert.created", { alert: { id: 7, severity: "critical", kind: "rule", source_topic: "rule.intrusion", title: "Intrusion at gate" }, action: "created" }));
    expect(words).toEqual({ text: "New critical alert #7: Intrusion at gate", alarm: true });
    expect(describeEvent(event("alert.updated", { alert: { id: 7, severity: "high", kind: "rule", source_topic: "rule.x", title: "T" }, action: "acknowledged", actor: "sara" })).text).toBe(
      "Updated high alert #7: T (acknowledged by sara)",
    );
  });

  it("says incidents, units, cameras and plates without JSON", () => {
    expect(describeEvent(event("incident.updated", { incident: { id: 3, status: "on_scene" }, action: "status" })).text).toBe("Incident #3 status: On scene");
    expect(describeEvent(event("unit.updated", { unit: { id: "u", callsign: "Dolphin-7", status: "en_route" }, incident_id: 3 })).text).toBe(
      "Unit Dolphin-7 is en route (incident #3)",
    );
    expect(describeEvent(event("camera.health", { state: "offline", reason: "no frames for 10 s" })).text).toBe("Camera is offline: no frames for 10 s");
    expect(describeEvent(event("watchlist.vehicle_hit", { entry_plate: "LEB-5700", list_name: "Stolen", reason: "stolen car" }))).toEqual({
      text: "Hotlist vehicle LEB-5700 on “Stolen”: stolen car",
      alarm: true,
    });
  });

  it("reads an unknown event's type and short values as words", () => {
    const line = describeEvent(event("rule.line_crossing", {}, { direction: "in", class_name: "car", score: 0.8734, track: { id: 5 } })).text;
    expect(line).toBe("Line crossing: direction in, class name car, score 0.87");
    expect(line).not.toMatch(/[{}"]/);
  });

  it("hides tracking chatter by default, never alarms", () => {
    expect(isChatter("track.ended")).toBe(true);
    expect(isChatter("worker.heartbeat")).toBe(true);
    expect(isChatter("alert.created")).toBe(false);
    expect(isChatter("rule.line_crossing")).toBe(false);
  });
});
