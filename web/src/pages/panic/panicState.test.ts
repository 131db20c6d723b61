import { describe, expect, it } from "vitest";
import { directionsUrl } from "../../format/places";
import { callerOf, listWithPosition, locationOf, trailLayer, withPosition, type PanicSummary, type PanicView } from "./panicState";

// As the server sends it: the event's typed fields at the top level, beside an empty payload.
const event = (fields: Record<string, unknown>, type = "panic.location") => ({
  id: "e1",
  type,
  time: "2026-12-03T09:00:10Z",
  camera_id: null,
  source: "api",
  payload: {},
  ...fields,
});

const first = { time: "2026-12-03T09:00:00Z", latitude: 31.52, longitude: 74.35, accuracy_m: null };

const view = { panic_id: "p1", active: true, device_id: "d", phone: "", name: "Sara", trail: [first], incident: { id: 4, latitude: 31.52, longitude: 74.35 } } as unknown as PanicView;

describe("following a panic live", () => {
  it("reads the phone's position from a panic.location event and nothing else", () => {
    expect(locationOf(event({ panic_id: "p1", latitude: 31.53, longitude: 74.36, accuracy_m: 12 }))).toEqual({
      panicId: "p1",
      point: { time: "2026-12-03T09:00:10Z", latitude: 31.53, longitude: 74.36, accuracy_m: 12 },
    });
    expect(locationOf(event({ panic_id: "p1", latitude: 31.53, longitude: 74.36 }, "alert.created"))).toBeNull();
    expect(locationOf(event({ panic_id: "p1", latitude: "x", longitude: 74.36 }))).toBeNull();
  });

  it("appends the position to the trail once and moves the incident with it", () => {
    const point = { time: "2026-12-03T09:00:10Z", latitude: 31.53, longitude: 74.36, accuracy_m: null };
    const moved = withPosition(view, point);
    expect(moved.trail).toHaveLength(2);
    expect([moved.incident.latitude, moved.incident.longitude]).toEqual([31.53, 74.36]);
    expect(withPosition(moved, point)).toBe(moved);
  });

  it("updates the list's last position of that panic only", () => {
    const list = [
      { panic_id: "p1", last_position: first },
      { panic_id: "p2", last_position: first },
    ] as unknown as PanicSummary[];
    const point = { ...first, latitude: 40 };
    expect(listWithPosition(list, "p1", point).map((p) => p.last_position?.latitude)).toEqual([40, 31.52]);
  });

  it("names the caller and draws the trail numbered in time order, newest marked", () => {
    expect(callerOf({ name: "Sara", phone: "0300", device_id: "d" })).toBe("Sara (0300)");
    expect(callerOf({ name: "", phone: "", device_id: "dev-7" })).toBe("dev-7");
    const layer = trailLayer([first, { ...first, time: "2026-12-03T09:00:10Z", latitude: 31.53 }]);
    expect(layer.path).toBe(true);
    expect(layer.markers.map((m) => [m.text, m.selected])).toEqual([
      ["1", false],
      ["2", true],
    ]);
    expect(layer.markers[1]?.label).toBe("2: 14:00:10");
    expect(directionsUrl(31.5, 74.35)).toBe("https://www.openstreetmap.org/directions?to=31.500000%2C74.350000");
  });
});
