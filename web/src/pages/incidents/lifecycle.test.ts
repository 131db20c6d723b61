import { describe, expect, it } from "vitest";
import { incidentActions, INCIDENT_STATUSES, unitActions, UNIT_STATUSES, canDispatchTo } from "./lifecycle";

describe("the incident lifecycle as the page offers it", () => {
  it("offers exactly the server's transitions", () => {
    expect(incidentActions("new")).toEqual(["dispatched", "resolved", "cancelled"]);
    expect(incidentActions("dispatched")).toEqual(["on_scene", "resolved", "cancelled"]);
    expect(incidentActions("on_scene")).toEqual(["resolved"]);
    expect(incidentActions("resolved")).toEqual(["closed"]);
  });

  it("offers nothing once closed or cancelled", () => {
    expect(incidentActions("closed")).toEqual([]);
    expect(incidentActions("cancelled")).toEqual([]);
  });

  it("never offers going back to new", () => {
    for (const status of INCIDENT_STATUSES) expect(incidentActions(status)).not.toContain("new");
  });

  it("allows dispatching only to open incidents", () => {
    expect(INCIDENT_STATUSES.filter(canDispatchTo)).toEqual(["new", "dispatched", "on_scene"]);
  });
});

describe("the unit lifecycle as the page offers it", () => {
  it("follows a unit through a job and back to available", () => {
    expect(unitActions("dispatched")).toEqual(["en_route", "on_scene", "cleared"]);
    expect(unitActions("en_route")).toEqual(["on_scene", "cleared"]);
    expect(unitActions("on_scene")).toEqual(["transporting", "cleared"]);
    expect(unitActions("transporting")).toEqual(["cleared"]);
    expect(unitActions("cleared")).toEqual(["available", "out_of_service"]);
  });

  it("lets an available unit only go out of service, and back", () => {
    expect(unitActions("available")).toEqual(["out_of_service"]);
    expect(unitActions("out_of_service")).toEqual(["available"]);
  });

  it("never offers dispatched: only an assignment does that", () => {
    for (const status of UNIT_STATUSES) expect(unitActions(status)).not.toContain("dispatched");
  });
});
