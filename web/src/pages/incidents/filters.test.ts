import { describe, expect, it } from "vitest";
import { buildQuery } from "../../api/client";
import { incidentsQuery } from "./api";
import { incidentWith } from "./fixtures";
import { matchesFilter, statusesOf } from "./IncidentFilters";
import { byUrgency } from "./IncidentsOverview";

describe("the incidents query", () => {
  it("repeats status for each status wanted", () => {
    expect(buildQuery(incidentsQuery({ statuses: statusesOf("open"), type: "robbery" }))).toBe(
      "?status=new&status=dispatched&status=on_scene&type=robbery&limit=500",
    );
    expect(buildQuery(incidentsQuery({ statuses: statusesOf(""), type: "" }))).toBe("?limit=500");
  });
});

describe("filtering incidents that arrive live", () => {
  it("applies status, type and priority as the list does", () => {
    const incident = incidentWith({ status: "dispatched", priority: 2, type: "accident" });
    expect(matchesFilter(incident, { status: "open", priority: "", type: "" })).toBe(true);
    expect(matchesFilter(incident, { status: "new", priority: "", type: "" })).toBe(false);
    expect(matchesFilter(incident, { status: "", priority: "2", type: "accident" })).toBe(true);
    expect(matchesFilter(incident, { status: "", priority: "1", type: "" })).toBe(false);
    expect(matchesFilter(incident, { status: "", priority: "", type: "robbery" })).toBe(false);
  });

  it("sorts most urgent first, then newest", () => {
    const old1 = incidentWith({ id: 1, priority: 1, received_at: "2025-01-01T09:00:00Z" });
    const new1 = incidentWith({ id: 2, priority: 1, received_at: "2025-01-01T10:00:00Z" });
    const new3 = incidentWith({ id: 3, priority: 3, received_at: "2025-01-01T11:00:00Z" });
    expect([new3, old1, new1].sort(byUrgency).map((i) => i.id)).toEqual([2, 1, 3]);
  });
});
