import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime, formatTimeOfDay, setTimeZone, timeZone } from "./dateTime";

// 2026-12-03 09:05:09 UTC is 14:05:09 in Karachi (UTC+5) and 04:05:09 in New York (UTC-5).
const MOMENT = "2026-12-03T09:05:09Z";

afterEach(() => setTimeZone(DEFAULT_TIME_ZONE));

describe("one date and time format", () => {
  it("writes moments on a 24-hour clock in Karachi time by default", () => {
    expect(timeZone()).toBe("Asia/Karachi");
    expect(formatDateTime(MOMENT)).toBe("2026-12-03 14:05:09");
    expect(formatDateTime(MOMENT, { seconds: false })).toBe("2026-12-03 14:05");
    expect(formatTimeOfDay(MOMENT)).toBe("14:05:09");
    expect(formatTimeOfDay(Date.parse("2026-12-03T17:30:00Z"), { seconds: false })).toBe("22:30");
    expect(formatDate(new Date("2026-12-03T20:00:00Z"))).toBe("2026-12-04");
  });

  it("follows the configured zone and refuses an unknown one", () => {
    expect(setTimeZone("America/New_York")).toBe(true);
    expect(formatDateTime(MOMENT)).toBe("2026-12-03 04:05:09");
    expect(setTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(timeZone()).toBe("America/New_York");
  });

  it("shows a dash for nothing and an unreadable value as it came", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime(undefined)).toBe("—");
    expect(formatTimeOfDay("not a time")).toBe("not a time");
  });
});
