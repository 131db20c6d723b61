import { describe, expect, it } from "vitest";
import type { Camera, LiveEvent } from "../../api/types";
import { cameraOut } from "../../test/fixtures";
import { applyHealthEvent, countByState, stateOf } from "./health";

const camera = (id: string, state: string): Camera =>
  cameraOut({ id, name: id, health: { state, since: null, fps: 10, reason: "", bitrate_bps: 0, reported_at: null } });

const event = (payload: Record<string, unknown>, type = "camera.health", camera_id = "c1"): LiveEvent => ({
  id: "e",
  type,
  time: "2025-01-01T00:00:00Z",
  camera_id,
  source: "health",
  payload,
});

describe("camera health", () => {
  it("applies camera.health events to the matching camera", () => {
    const cameras = [camera("c1", "online"), camera("c2", "online")];
    const next = applyHealthEvent(cameras, event({ state: "frozen" }));
    expect(next[0]?.health).toMatchObject({ state: "frozen", since: "2025-01-01T00:00:00Z", fps: 10, reason: "" });
    expect(next[1]).toBe(cameras[1]);
    expect(applyHealthEvent(cameras, event({ health: { state: "offline", fps: 0 } }))[0]?.health.state).toBe("offline");
  });

  it("ignores other events, unknown cameras and unknown states", () => {
    const cameras = [camera("c1", "online")];
    expect(applyHealthEvent(cameras, event({ state: "offline" }, "alert.raised"))).toBe(cameras);
    expect(applyHealthEvent(cameras, event({ state: "offline" }, "camera.health", "zz"))).toBe(cameras);
    expect(applyHealthEvent(cameras, event({ state: "exploded" }))).toBe(cameras);
  });

  it("counts states, treating missing health as unknown", () => {
    const broken = { ...camera("c3", "online"), health: undefined } as unknown as Camera;
    expect(stateOf(broken)).toBe("unknown");
    expect(countByState([camera("a", "online"), camera("b", "online"), broken])).toEqual({ online: 2, unknown: 1 });
  });
});
