import { describe, expect, it } from "vitest";
import { aViolation } from "../testData";
import { decisionBody, EMPTY_FORM, validateDecision } from "./decision";

describe("the decision form", () => {
  const read = aViolation({ plate: "LEA-1234" });
  const unread = aViolation({ plate: null, plate_confidence: null });

  it("needs a reason to reject", () => {
    expect(validateDecision("reject", EMPTY_FORM, read)).toEqual({ reason: "Choose the reason for rejecting." });
    expect(validateDecision("reject", { ...EMPTY_FORM, reason: "misread_plate" }, read)).toEqual({});
  });

  it("accepts the camera's plate without any input", () => {
    expect(validateDecision("accept", EMPTY_FORM, read)).toEqual({});
  });

  it("needs the plate typed in when the camera read none", () => {
    expect(validateDecision("accept", EMPTY_FORM, unread).plate).toMatch("No plate was read");
    expect(validateDecision("accept", { ...EMPTY_FORM, plate: "LEB 77" }, unread)).toEqual({});
    // Rejecting needs no plate.
    expect(validateDecision("reject", { ...EMPTY_FORM, reason: "poor_evidence" }, unread)).toEqual({});
  });

  it("keeps a corrected plate within the server's 2 to 32 characters, and the note within 2000", () => {
    expect(validateDecision("accept", { ...EMPTY_FORM, plate: "X" }, read).plate).toBe("A plate has 2 to 32 characters.");
    expect(validateDecision("accept", { ...EMPTY_FORM, plate: "X".repeat(33) }, read).plate).toBeDefined();
    expect(validateDecision("accept", { ...EMPTY_FORM, note: "n".repeat(2001) }, read).note).toBe("At most 2000 characters.");
  });

  it("sends a plate only when it corrects the camera's reading", () => {
    expect(decisionBody("accept", { ...EMPTY_FORM, plate: "lea 1234" }, read)).toEqual({ decision: "accept" });
    expect(decisionBody("accept", { ...EMPTY_FORM, plate: " LEA-1284 " }, read)).toEqual({ decision: "accept", plate: "LEA-1284" });
  });

  it("sends the reason and note of a rejection, and the vehicle-mismatch confirmation of an acceptance", () => {
    expect(decisionBody("reject", { ...EMPTY_FORM, reason: "signal_fault", note: " amber " }, read)).toEqual({
      decision: "reject",
      reason: "signal_fault",
      note: "amber",
    });
    expect(decisionBody("accept", { ...EMPTY_FORM, acceptVehicleMismatch: true }, read)).toEqual({
      decision: "accept",
      accept_vehicle_mismatch: true,
    });
  });
});
