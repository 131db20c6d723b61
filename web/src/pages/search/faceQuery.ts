/** The face search form (forensic search over stored face sightings): validation and query. */
import type { QueryOf } from "../../api/schemas";
import { purposeQuery, type Purpose } from "../../components/PurposeDialog";
import { type ScopeField, type SearchScope, toInstant, validateTimeRange } from "./timeRange";
import type { FaceSighting } from "./types";

export const MAX_RESULTS = 500;
/** The display score is 0.5 exactly at the model's match threshold (docs/faces.md). */
export const DEFAULT_MIN_SCORE = "0.5";

export interface FaceSearchForm extends SearchScope {
  file: File | null;
  limit: string;
  minScore: string;
}

export type FaceFormField = ScopeField | "file" | "limit" | "minScore";
export type FaceFormErrors = Partial<Record<FaceFormField, string>>;

export function isImageFile(file: File): boolean {
  return file.type.startsWith("image/") || /\.(jpe?g|png|bmp|webp|tiff?)$/i.test(file.name);
}

export function validateFaceForm(form: FaceSearchForm): FaceFormErrors {
  const errors: FaceFormErrors = { ...validateTimeRange(form.since, form.until, true) };
  if (!form.file) errors.file = "Choose or drop a photo of the face to search for.";
  else if (!isImageFile(form.file)) errors.file = `${form.file.name} is not an image.`;
  const limit = Number(form.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RESULTS)
    errors.limit = `A whole number from 1 to ${MAX_RESULTS}.`;
  const minScore = Number(form.minScore);
  if (form.minScore.trim() === "" || Number.isNaN(minScore) || minScore < 0 || minScore > 1)
    errors.minScore = "A number from 0 to 1.";
  return errors;
}

/** Query parameters of `POST /api/v1/faces/forensic` (the photo goes in the multipart body). */
export function forensicQuery(form: FaceSearchForm, purpose: Purpose): QueryOf<"/api/v1/faces/forensic", "post"> {
  return {
    // The form checks both times before a search; "" is left out of the query like an absent value.
    since: toInstant(form.since) ?? "",
    until: toInstant(form.until) ?? "",
    camera_id: form.cameraId ? [form.cameraId] : undefined,
    k: Number(form.limit),
    ...purposeQuery(purpose),
  };
}

/** The server ranks every stored face by distance; the threshold keeps those at least this similar. */
export function aboveThreshold(sightings: readonly FaceSighting[], minScore: number): FaceSighting[] {
  return sightings.filter((sighting) => sighting.score >= minScore);
}
