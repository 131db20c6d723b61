import { describe, expect, it } from "vitest";
import { buildHoldRequest, checkReleaseReason, describeHoldScope, EMPTY_HOLD_FORM } from "./holds";
import { legalHold } from "./testData";

describe("building a legal hold request", () => {
  it("holds a chosen case, with the reason trimmed", () => {
    expect(buildHoldRequest({ ...EMPTY_HOLD_FORM, caseId: "4", reason: "  Court order 17  ", caseRef: "FIR 9" })).toEqual({
      request: {
        scope: "case",
        reason: "Court order 17",
        case_id: 4,
        item_id: null,
        camera_id: null,
        start: null,
        end: null,
        case_ref: "FIR 9",
      },
    });
  });

  it("names the missing reason and case", () => {
    expect(buildHoldRequest({ ...EMPTY_HOLD_FORM, reason: "ab" })).toEqual({
      errors: {
        reason: "Give the reason for the hold (at least 3 characters).",
        case_id: "Choose the case to hold.",
      },
    });
  });

  it("needs a whole item number for an item hold", () => {
    const form = { ...EMPTY_HOLD_FORM, scope: "item" as const, reason: "Preserve" };
    expect(buildHoldRequest({ ...form, itemId: "2.5" })).toEqual({
      errors: { item_id: "Enter the item number (a whole number)." },
    });
    expect(buildHoldRequest({ ...form, itemId: "7" })).toMatchObject({ request: { scope: "item", item_id: 7 } });
  });

  it("sends camera ranges with a time zone and refuses an end before the start", () => {
    const form = { ...EMPTY_HOLD_FORM, scope: "camera" as const, reason: "Preserve", cameraId: " gate-3 " };
    const built = buildHoldRequest({ ...form, start: "2026-03-01T10:00", end: "2026-03-01T12:00" });
    expect(built).toMatchObject({ request: { camera_id: "gate-3", case_id: null } });
    if ("request" in built) {
      expect(built.request.start).toBe(new Date("2026-03-01T10:00").toISOString());
      expect(built.request.start?.endsWith("Z")).toBe(true);
    }
    expect(buildHoldRequest({ ...form, start: "2026-03-01T12:00", end: "2026-03-01T10:00" })).toEqual({
      errors: { end: "Must be after the start." },
    });
    expect(buildHoldRequest({ ...form, cameraId: "" })).toMatchObject({
      request: { camera_id: null, start: null, end: null },
    });
  });
});

describe("what a hold covers, in words", () => {
  const base = legalHold({ id: 1, reason: "r", case_ref: "" });
  const reference = (id: number) => (id === 3 ? "FIR 3/2026" : undefined);

  it("names the case by its reference, or its number when unknown", () => {
    expect(describeHoldScope(base, reference)).toBe("Case FIR 3/2026");
    expect(describeHoldScope({ ...base, case_id: 8 }, reference)).toBe("Case #8");
  });

  it("describes item and camera holds", () => {
    expect(describeHoldScope({ ...base, scope: "item", case_id: null, item_id: 5 }, reference)).toBe("Evidence item 5");
    expect(describeHoldScope({ ...base, scope: "camera", case_id: null }, reference)).toBe("All cameras, all recordings");
    expect(
      describeHoldScope({ ...base, scope: "camera", case_id: null, camera_id: "gate-3", start: "2026-01-01T00:00:00Z" }, reference),
    ).toMatch(/^Camera gate-3 from .+ with no end$/);
  });
});

describe("the reason for releasing a hold", () => {
  it("is required, trimmed, and at least 3 characters", () => {
    expect(checkReleaseReason("  Order lifted on appeal ")).toEqual({ reason: "Order lifted on appeal" });
    expect(checkReleaseReason("  ok ")).toEqual({
      error: "Give the reason for releasing the hold (at least 3 characters).",
    });
    expect(checkReleaseReason("x".repeat(2001))).toEqual({ error: "At most 2000 characters." });
  });
});
