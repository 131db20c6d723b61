import { describe, expect, it } from "vitest";
import { callBody, checkCall, EMPTY_CALL, repeatWarning, statsLine } from "./call";

const form = (changes: Partial<typeof EMPTY_CALL>) => ({ ...EMPTY_CALL, number: "0300-1234567", ...changes });

describe("the helpline call form", () => {
  it("needs a number, a type for a new incident and the incident of a duplicate", () => {
    expect(checkCall({ ...EMPTY_CALL })).toHaveProperty("number");
    expect(checkCall(form({ disposition: "incident" }))).toEqual({ type: expect.any(String) });
    expect(checkCall(form({ disposition: "duplicate", incidentId: "x" }))).toEqual({ incidentId: expect.any(String) });
    expect(checkCall(form({ disposition: "prank" }))).toEqual({});
  });

  it("takes both coordinates or neither, within range", () => {
    expect(checkCall(form({ latitude: "31.5" }))).toHaveProperty("longitude");
    expect(checkCall(form({ latitude: "91", longitude: "74" }))).toHaveProperty("latitude");
    expect(checkCall(form({ latitude: "31.52", longitude: "74.35" }))).toEqual({});
  });

  it("sends the type only for a new incident and the incident only for a duplicate", () => {
    expect(callBody(form({ disposition: "incident", type: "robbery", incidentId: "7", latitude: "31.52", longitude: "74.35" }))).toMatchObject({
      caller_number: "0300-1234567",
      disposition: "incident",
      type: "robbery",
      incident_id: null,
      latitude: 31.52,
      longitude: 74.35,
    });
    expect(callBody(form({ disposition: "duplicate", type: "robbery", incidentId: " 7 " }))).toMatchObject({
      type: null,
      incident_id: 7,
      latitude: null,
    });
  });

  it("warns about a repeat caller in words and counts the junk", () => {
    expect(repeatWarning({ calls_in_window: 1, not_incidents_in_window: 0, repeat: false })).toBeNull();
    expect(repeatWarning({ calls_in_window: 6, not_incidents_in_window: 5, repeat: true })).toBe(
      "Repeat caller: 6 calls in the window, 5 not incidents",
    );
    expect(
      statsLine({ since: "", until: "", total: 8, by_disposition: {}, not_incident_share: 0.25 }),
    ).toBe("Last 24 hours: 8 calls, 25 % not incidents");
  });
});
