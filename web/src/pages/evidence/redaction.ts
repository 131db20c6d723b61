/** What a redaction blurred, read back from the derivative's `collected` custody entry (the court's record). */
import { regionsFromDetails, rectToBox, type PixelRect } from "./geometry";
import { t } from "../../i18n/catalogue";

/** The body of POST /api/v1/evidence/items/{id}/redactions. */
export interface RedactionRequest {
  purpose: string;
  /** Boxes [x1, y1, x2, y2] in image pixels, blurred besides the detected faces (every frame of a video). */
  regions: [number, number, number, number][];
  /** Also blur the number plates the ANPR reader finds. */
  plates: boolean;
}

/** The server takes at most this many drawn regions in one request. */
export const MAX_REGIONS = 100;

export function redactionRequest(purpose: string, regions: readonly PixelRect[], plates: boolean): RedactionRequest {
  return { purpose, regions: regions.map(rectToBox), plates };
}

export interface RedactionRecord {
  /** Every box blurred in an image (faces, plates, drawn), to outline over the copy; [] for a video. */
  boxes: PixelRect[];
  /** The regions drawn by hand, as the server recorded them. */
  drawn: PixelRect[];
  /** Face boxes blurred (for a video: summed over the frames the detector ran on). */
  faces: number;
  /** Plate boxes blurred, or null when plates were not searched for. */
  plates: number | null;
  /** Frames of a video; null for an image. */
  frames: number | null;
}

function countOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return typeof value === "number" ? value : 0;
}

/** The record in a derivative's `collected` details; null when the details are not JSON. Copies made before
 * drawn regions and plates existed only have `regions` (faces). */
export function redactionRecord(details: string): RedactionRecord | null {
  let parsed: Record<string, unknown>;
  try {
    const value: unknown = JSON.parse(details);
    if (!value || typeof value !== "object" || Array.isArray(value)) return null;
    parsed = value as Record<string, unknown>;
  } catch {
    return null;
  }
  const frames = typeof parsed.frames === "number" ? parsed.frames : null;
  return {
    boxes: frames === null ? regionsFromDetails(details) : [],
    drawn: regionsFromDetails(details, "drawn_regions"),
    faces: countOf("face_regions" in parsed ? parsed.face_regions : parsed.regions),
    plates: parsed.plates_detected === true ? countOf(parsed.plate_regions) : null,
    frames,
  };
}

/** "The server blurred 2 face regions, 1 plate region and 2 drawn regions." and the like. */
export function describeRedaction(record: RedactionRecord): string {
  const video = record.frames !== null;
  const parts = [t(video ? "evidence.redaction.faceDetections" : "evidence.redaction.faceRegions", { count: record.faces })];
  if (record.plates !== null)
    parts.push(t(video ? "evidence.redaction.plateDetections" : "evidence.redaction.plateRegions", { count: record.plates }));
  parts.push(t(video ? "evidence.redaction.drawnRegionsEveryFrame" : "evidence.redaction.drawnRegions", { count: record.drawn.length }));
  const list = t("evidence.redaction.list", { items: parts.slice(0, -1).join(", "), last: parts[parts.length - 1] ?? "" });
  const plates = record.plates === null ? t("evidence.numberPlatesWereNot") : "";
  return video
    ? t("evidence.redaction.blurredOverFrames", { list, frames: record.frames ?? 0, plates })
    : t("evidence.theServerBlurred", { list, plates });
}
