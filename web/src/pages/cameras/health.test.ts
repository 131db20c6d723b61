import { describe, expect, it } from "vitest";
import { filterCameras, healthTone, NO_FILTER, stateWords, summariseUptime } from "./health";
import { cameraOut } from "../../test/fixtures";
import type { CameraOut } from "./types";

function camera(id: string, changes: Partial<CameraOut>): CameraOut {
  return cameraOut({ id, name: id, district: null, ...changes });
}

describe("health in words", () => {
  it("names every state, including ones this console does not know yet", () => {
    expect(stateWords("scene_changed")).toBe("Scene changed");
    expect(stateWords("rebooting_now")).toBe("rebooting now");
    expect(healthTone("offline")).toBe("bad");
  });
});

describe("uptime", () => {
  it("weights each day by how long it was observed", () => {
    const summary = summariseUptime({
      camera_id: "a",
      days: [
        { day: "2025-01-01", observed_seconds: 3600, available_percent: 100, healthy_percent: 50 },
        { day: "2025-01-02", observed_seconds: 1200, available_percent: 0, healthy_percent: 0 },
        { day: "2025-01-03", observed_seconds: 0, available_percent: null, healthy_percent: null },
      ],
    });
    expect(summary).toEqual({ availablePercent: 75, healthyPercent: 37.5, observedSeconds: 4800 });
  });

  it("is unknown without observations", () => {
    expect(summariseUptime({ camera_id: "a", days: [] })).toBeNull();
  });
});

describe("filtering the list", () => {
  const cameras = [
    camera("lhr-1", { name: "Kalma Chowk", district: "Lahore", zone: "Gulberg" }),
    camera("isb-1", { name: "Zero Point", district: "Islamabad", enabled: false }),
  ];

  it("searches name, id, district and zone, and filters by district, status and health", () => {
    expect(filterCameras(cameras, { ...NO_FILTER, text: "gulb" }).map((c) => c.id)).toEqual(["lhr-1"]);
    expect(filterCameras(cameras, { ...NO_FILTER, district: "Islamabad" }).map((c) => c.id)).toEqual(["isb-1"]);
    expect(filterCameras(cameras, { ...NO_FILTER, enabled: "enabled" }).map((c) => c.id)).toEqual(["lhr-1"]);
    expect(filterCameras(cameras, { ...NO_FILTER, state: "offline" })).toEqual([]);
  });
});
