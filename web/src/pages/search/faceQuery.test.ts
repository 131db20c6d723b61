import { describe, expect, it } from "vitest";
import { aboveThreshold, forensicQuery, validateFaceForm, type FaceSearchForm } from "./faceQuery";
import type { FaceSighting } from "./types";

const photo = new File(["x"], "suspect.jpg", { type: "image/jpeg" });
const valid: FaceSearchForm = {
  file: photo,
  cameraId: "",
  since: "2026-05-01T00:00",
  until: "2026-05-02T00:00",
  limit: "50",
  minScore: "0.5",
};

describe("validateFaceForm", () => {
  it("accepts a photo, a time range, a limit and a threshold", () => {
    expect(validateFaceForm(valid)).toEqual({});
  });

  it("needs a photo that is an image", () => {
    expect(validateFaceForm({ ...valid, file: null }).file).toMatch("Choose or drop a photo");
    const text = new File(["x"], "notes.txt", { type: "text/plain" });
    expect(validateFaceForm({ ...valid, file: text }).file).toBe("notes.txt is not an image.");
  });

  it("needs both ends of the time range, in order", () => {
    expect(validateFaceForm({ ...valid, since: "" }).since).toMatch("start of the time range");
    expect(validateFaceForm({ ...valid, until: "2026-04-30T00:00" }).until).toMatch("after the start");
  });

  it("checks the limit and the threshold ranges", () => {
    expect(validateFaceForm({ ...valid, limit: "0" }).limit).toMatch("1 to 500");
    expect(validateFaceForm({ ...valid, limit: "2.5" }).limit).toMatch("whole number");
    expect(validateFaceForm({ ...valid, minScore: "1.2" }).minScore).toMatch("0 to 1");
    expect(validateFaceForm({ ...valid, minScore: "" }).minScore).toMatch("0 to 1");
  });
});

it("builds the forensic query with the purpose", () => {
  expect(forensicQuery({ ...valid, cameraId: "cam-1" }, { purpose: "Missing child report", caseRef: "" })).toEqual({
    since: new Date("2026-05-01T00:00").toISOString(),
    until: new Date("2026-05-02T00:00").toISOString(),
    camera_id: ["cam-1"], // repeatable in the API; one camera chosen here
    k: 50,
    purpose: "Missing child report",
  });
});

it("keeps sightings at or above the minimum score", () => {
  const hit = (score: number): FaceSighting => ({
    sighting_id: score * 100,
    camera_id: null,
    time: "2026-05-01T08:00:00Z",
    track_id: "t",
    crop_sha256: "aa",
    distance: 0.5,
    score,
  });
  expect(aboveThreshold([hit(0.9), hit(0.5), hit(0.2)], 0.5).map((s) => s.score)).toEqual([0.9, 0.5]);
});
