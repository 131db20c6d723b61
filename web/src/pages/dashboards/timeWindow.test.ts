import { describe, expect, it } from "vitest";
import { windowFor, windowQuery } from "./timeWindow";

// Local times: the window follows the browser's clock and time zone.
const NOW = new Date(2026, 2, 10, 14, 37, 12);

describe("windowFor", () => {
  it("covers the last 24 whole hours, the current one included, hour by hour", () => {
    const window = windowFor("24h", NOW);

    expect(window.bucket).toBe("hour");
    expect(window.since).toEqual(new Date(2026, 2, 9, 15, 0, 0));
    expect(window.until).toEqual(NOW);
  });

  it("covers 7 or 30 days from local midnight, day by day", () => {
    expect(windowFor("7d", NOW)).toEqual({ since: new Date(2026, 2, 4), until: NOW, bucket: "day" });
    expect(windowFor("30d", NOW).since).toEqual(new Date(2026, 1, 9));
  });

  it("is sent to the server in UTC", () => {
    const query = windowQuery(windowFor("7d", NOW));

    expect(query).toEqual({
      since: new Date(2026, 2, 4).toISOString(),
      until: NOW.toISOString(),
      bucket: "day",
    });
  });
});
