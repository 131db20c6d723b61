import { describe, expect, it } from "vitest";
import { citizenSees, decisionsFor, photoOf, placeOf, reporterOf, statusChangeFor, type Report } from "./moderation";

const report = (changes: Partial<Report> = {}): Report => ({
  id: 1,
  service_code: "pothole",
  description: "Deep hole",
  latitude: 31.52,
  longitude: 74.35,
  address_string: "Mall Road",
  media_sha256: null,
  media_url: null,
  anonymous: false,
  first_name: "Ali",
  last_name: "Khan",
  email: "",
  phone: "0300",
  status: "open",
  status_notes: "",
  moderation: "pending",
  moderated_by: null,
  moderated_at: null,
  incident_id: null,
  alert_id: null,
  requested_at: "2026-12-03T09:00:00Z",
  updated_at: "2026-12-03T09:00:00Z",
  ...changes,
});

describe("moderating a citizen report", () => {
  it("decides a pending report once; an accepted one only opens and closes", () => {
    expect(decisionsFor(report())).toEqual(["accepted", "rejected", "spam"]);
    expect(decisionsFor(report({ moderation: "spam" }))).toEqual([]);
    expect(statusChangeFor(report())).toBeNull();
    expect(statusChangeFor(report({ moderation: "accepted" }))).toBe("closed");
    expect(statusChangeFor(report({ moderation: "accepted", status: "closed" }))).toBe("open");
  });

  it("names the reporter unless anonymous, and the place in words", () => {
    expect(reporterOf(report())).toBe("Ali Khan · 0300");
    expect(reporterOf(report({ anonymous: true }))).toBe("Anonymous");
    expect(placeOf(report())).toBe("Mall Road · 31.52000, 74.35000");
    expect(placeOf(report({ address_string: "", latitude: null, longitude: null }))).toBe("—");
  });

  it("says what the citizen sees: the status with the decision, and the moderator's note", () => {
    expect(citizenSees(report({ moderation: "accepted", status_notes: "Crew sent" }))).toEqual([
      "Status: open (Accepted)",
      "Notes: Crew sent",
    ]);
  });

  it("shows only photos held in the media store", () => {
    expect(photoOf(report({ media_sha256: "a".repeat(64) }))).toBe("a".repeat(64));
    expect(photoOf(report({ media_sha256: null, media_url: "https://elsewhere.example/p.jpg" }))).toBeNull();
  });
});
