import { describe, expect, it } from "vitest";
import type { Camera } from "../../api/types";
import { personBody, personQuery, personSightings, validatePersonForm, type PersonSearchForm } from "./personQuery";
import { trajectoryPoints } from "./trajectory";
import type { PersonMatch } from "./types";

const FORM: PersonSearchForm = {
  probe: "track",
  cameraId: "gate",
  trackId: " 17 ",
  file: null,
  since: "2026-05-01T08:00",
  until: "2026-05-01T10:00",
  limit: "20",
  minSimilarity: "0.5",
  neighboursOnly: true,
};

function match(id: number, camera: string, firstSeen: string): PersonMatch {
  return {
    appearance_id: id,
    camera_id: camera,
    track_id: String(id),
    first_seen: firstSeen,
    last_seen: firstSeen,
    crop_sha256: "a".repeat(64),
    similarity: 0.8,
    score: 0.8,
    travel_seconds: null,
  };
}

describe("find this person", () => {
  it("asks for the camera and track, or for a photo, depending on the probe", () => {
    expect(validatePersonForm(FORM)).toEqual({});
    expect(validatePersonForm({ ...FORM, cameraId: "", trackId: "" })).toEqual({
      cameraId: "Choose the camera the person was seen on.",
      trackId: "Give the person's track id on that camera.",
    });
    expect(validatePersonForm({ ...FORM, probe: "photo" }).file).toBe("Choose or drop a photo of the person.");
    const text = new File(["x"], "notes.txt", { type: "text/plain" });
    expect(validatePersonForm({ ...FORM, probe: "photo", file: text }).file).toBe("notes.txt is not an image.");
    expect(validatePersonForm({ ...FORM, minSimilarity: "2", limit: "0" })).toEqual({
      minSimilarity: "A number from 0 to 1.",
      limit: "A whole number from 1 to 200.",
    });
  });

  it("sends the track in the form body and the purpose with the options in the query", () => {
    const body = personBody(FORM);
    expect([body.get("camera_id"), body.get("track_id"), body.get("file")]).toEqual(["gate", "17", null]);
    const query = personQuery(FORM, { purpose: "missing child 77", caseRef: "" });
    expect(query).toMatchObject({ k: 20, min_similarity: 0.5, neighbours_only: true, purpose: "missing child 77" });
    const photo = new File(["x"], "walker.png", { type: "image/png" });
    expect(personBody({ ...FORM, probe: "photo", file: photo }).get("file")).toBeInstanceOf(File);
  });

  it("places matches at their cameras and numbers them in time order, whatever the rank", () => {
    const cameras = [{ id: "market", latitude: 31.5, longitude: 74.3 }] as Camera[];
    const ranked = [match(1, "market", "2026-05-01T09:30:00Z"), match(2, "park", "2026-05-01T09:00:00Z")];
    const points = trajectoryPoints(personSightings(ranked, cameras));
    expect(points.map((p) => [p.number, p.sighting.appearance_id, p.position])).toEqual([
      [1, 2, null],
      [2, 1, [31.5, 74.3]],
    ]);
  });
});
