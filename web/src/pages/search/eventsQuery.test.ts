import { describe, expect, it } from "vitest";
import { EMPTY_EVENT_FORM, eventsQuery, summarizePayload, validateEventForm } from "./eventsQuery";

describe("events search form", () => {
  it("accepts a type prefix and refuses wildcards", () => {
    expect(validateEventForm({ ...EMPTY_EVENT_FORM, type: "alert." })).toEqual({});
    expect(validateEventForm({ ...EMPTY_EVENT_FORM, type: "alert.*" }).type).toMatch("no wildcards");
  });

  it("sends the cursor of the page asked for", () => {
    expect(eventsQuery({ ...EMPTY_EVENT_FORM, type: " camera.health " }, null)).toEqual({
      type: "camera.health",
      camera_id: undefined,
      since: undefined,
      until: undefined,
      limit: 50,
      cursor: undefined,
    });
    expect(eventsQuery(EMPTY_EVENT_FORM, 812).cursor).toBe(812);
  });

  it("summarises an event's fields on one line", () => {
    expect(summarizePayload({ state: "offline", since: null, fps: 0 })).toBe("state: offline, fps: 0");
    expect(summarizePayload({ text: "x".repeat(300) }).length).toBe(160);
  });
});
