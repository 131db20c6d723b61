import { describe, expect, it } from "vitest";
import { createRequest, EMPTY_FORM, formOf, localErrors, updateRequest, withoutCredentials } from "./cameraForm";
import { cameraOut } from "../../test/fixtures";

const CAMERA = cameraOut();

describe("credentials in addresses", () => {
  it("are never put back into the form", () => {
    expect(withoutCredentials("rtsp://admin:***@10.0.0.9/main")).toBe("rtsp://10.0.0.9/main");
    expect(withoutCredentials("/srv/clips/a@b.mp4")).toBe("/srv/clips/a@b.mp4");
    expect(formOf(CAMERA)).toMatchObject({ url: "rtsp://10.0.0.9/main", username: "admin", password: "" });
  });
});

describe("the add request", () => {
  it("sends what was typed and leaves empty optional fields to the server", () => {
    const request = createRequest({ ...EMPTY_FORM, id: " cam-9 ", name: "Cam 9", url: "rtsp://h/x", latitude: "31.5", longitude: "74" });
    expect(request).toEqual({
      id: "cam-9",
      name: "Cam 9",
      url: "rtsp://h/x",
      latitude: 31.5,
      longitude: 74,
      owner: "public",
      enabled: true,
      loop: false,
      failover: false,
      detect_fps: 5,
      analytics_profile: "default",
    });
  });

  it("catches numbers that are not numbers before sending", () => {
    expect(localErrors({ ...EMPTY_FORM, latitude: "north", detect_fps: "" })).toEqual({
      latitude: "Enter a number.",
      detect_fps: "Enter a number.",
    });
  });
});

describe("the edit request", () => {
  const initial = formOf(CAMERA);

  it("sends only the changes; an untouched address keeps its stored password", () => {
    expect(updateRequest(initial, { ...initial, name: "North gate", district: "" })).toEqual({ name: "North gate", district: null });
  });

  it("sends a new password only when typed, and null when asked to remove it", () => {
    expect(updateRequest(initial, { ...initial, password: "new-secret" })).toEqual({ password: "new-secret" });
    expect(updateRequest(initial, { ...initial, clearPassword: true })).toEqual({ password: null });
  });
});
