import { describe, expect, it } from "vitest";
import { expiryDateError, expiryDateOf, expiryText } from "./expiry";

const NOW = new Date("2025-06-15T10:00:00Z");

describe("expiry dates", () => {
  it("accepts no expiry, today and later, and refuses past days", () => {
    expect(expiryDateError("", NOW)).toBeNull();
    expect(expiryDateError("2025-06-15", NOW)).toBeNull();
    expect(expiryDateError("2026-01-01", NOW)).toBeNull();
    expect(expiryDateError("2025-06-14", NOW)).toMatch("today or later");
    expect(expiryDateError("15/06/2025", NOW)).toMatch("YYYY-MM-DD");
  });

  it("shows a stored expiry (midnight after the last day) as that last day", () => {
    expect(expiryDateOf("2025-07-01T00:00:00Z")).toBe("2025-06-30");
    expect(expiryDateOf(null)).toBe("");
    expect(expiryText("2025-07-01T00:00:00Z", false)).toBe("Through 2025-06-30 (UTC)");
    expect(expiryText("2025-07-01T00:00:00Z", true)).toBe("Expired after 2025-06-30 (UTC)");
    expect(expiryText(null, false)).toBe("No expiry");
  });
});
