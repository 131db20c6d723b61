/** "Find this person": the form (a stored track or a photo), its validation, the request and the map points. */
import type { Camera } from "../../api/types";
import { purposeQuery, type Purpose } from "../../components/PurposeDialog";
import { isImageFile } from "./faceQuery";
import { type ScopeField, type SearchScope, toInstant, validateTimeRange } from "./timeRange";
import type { Located } from "./trajectory";
import type { PersonMatch } from "./types";

export const MAX_RESULTS = 200;
/** Appearance cosine similarity; the re-id model puts the same person near 0.74 and different people near 0.21. */
export const DEFAULT_MIN_SIMILARITY = "0.5";

export type ProbeKind = "track" | "photo";

export interface PersonSearchForm extends SearchScope {
  probe: ProbeKind;
  trackId: string;
  file: File | null;
  limit: string;
  minSimilarity: string;
  neighboursOnly: boolean;
}

export type PersonFormField = ScopeField | "trackId" | "file" | "limit" | "minSimilarity";
export type PersonFormErrors = Partial<Record<PersonFormField, string>>;

export function validatePersonForm(form: PersonSearchForm): PersonFormErrors {
  const errors: PersonFormErrors = { ...validateTimeRange(form.since, form.until, true) };
  if (form.probe === "track") {
    if (!form.cameraId) errors.cameraId = "Choose the camera the person was seen on.";
    if (!form.trackId.trim()) errors.trackId = "Give the person's track id on that camera.";
  } else if (!form.file) errors.file = "Choose or drop a photo of the person.";
  else if (!isImageFile(form.file)) errors.file = `${form.file.name} is not an image.`;
  const limit = Number(form.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RESULTS) errors.limit = `A whole number from 1 to ${MAX_RESULTS}.`;
  const similarity = Number(form.minSimilarity);
  if (form.minSimilarity.trim() === "" || Number.isNaN(similarity) || similarity < 0 || similarity > 1)
    errors.minSimilarity = "A number from 0 to 1.";
  return errors;
}

/** Query parameters of `POST /api/v1/persons/search`; the probe goes in the multipart body (`personBody`). */
export function personQuery(form: PersonSearchForm, purpose: Purpose) {
  return {
    since: toInstant(form.since) ?? "",
    until: toInstant(form.until) ?? "",
    k: Number(form.limit),
    min_similarity: Number(form.minSimilarity),
    neighbours_only: form.neighboursOnly,
    ...purposeQuery(purpose),
  };
}

export function personBody(form: PersonSearchForm): FormData {
  const body = new FormData();
  if (form.probe === "photo" && form.file) body.append("file", form.file, form.file.name);
  else {
    body.append("camera_id", form.cameraId);
    body.append("track_id", form.trackId.trim());
  }
  return body;
}

/** A match placed where its camera stands (from the registry), at the time the person first appeared there. */
export type PersonSighting = PersonMatch & Located;

export function personSightings(matches: readonly PersonMatch[], cameras: readonly Camera[]): PersonSighting[] {
  const byId = new Map(cameras.map((camera) => [camera.id, camera]));
  return matches.map((match) => {
    const camera = byId.get(match.camera_id);
    return { ...match, time: match.first_seen, latitude: camera?.latitude ?? null, longitude: camera?.longitude ?? null };
  });
}
