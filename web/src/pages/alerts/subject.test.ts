import { describe, expect, it } from "vitest";
import { subjectFacts } from "./subject";
import { makeAlert } from "./testData";

describe("what an alert is about", () => {
  it("names a hotlist hit's plate, list and reason", () => {
    const alert = makeAlert({
      kind: "vehicle_hit",
      source_topic: "watchlist.vehicle_hit",
      details: { entry_plate: "LEB-1234", read_plate: "LEB1234", list_name: "Stolen vehicles", reason: "Stolen from Model Town" },
    });
    expect(subjectFacts(alert)).toEqual([
      ["Plate", "LEB-1234 (read as LEB1234)"],
      ["Hotlist", "Stolen vehicles"],
      ["Reason", "Stolen from Model Town"],
    ]);
  });

  it("names a face candidate's subject and score", () => {
    const alert = makeAlert({ kind: "face_candidate", details: { subject_name: "Asif Khan", category: "wanted", score: 0.8734 } });
    expect(subjectFacts(alert)).toEqual([["Subject", "Asif Khan"], ["Category", "wanted"], ["Score", "0.87"]]);
  });

  it("names a rule hit's rule and signal, falling back to the alert's subject", () => {
    const alert = makeAlert({ source_topic: "rule.red_light", subject: "north", details: { signal: "Mall Road north" } });
    expect(subjectFacts(alert)).toEqual([["Rule", "north"], ["Signal", "Mall Road north"]]);
  });
});
