/** What a redaction blurred, read back from the derivative's `collected` custody entry (the court's record). */
import { regionsFromDetails, rectToBox, type PixelRect } from "./geometry";

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

/** "Blurred 2 face region(s), 1 plate region(s) and 2 drawn region(s)." and the like. */
export function describeRedaction(record: RedactionRecord): string {
  const video = record.frames !== null;
  const parts = [`${record.faces} face ${video ? "detection(s)" : "region(s)"}`];
  if (record.plates !== null) parts.push(`${record.plates} plate ${video ? "detection(s)" : "region(s)"}`);
  parts.push(`${record.drawn.length} drawn region(s)${video ? " in every frame" : ""}`);
  const list = `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1] ?? ""}`;
  const where = video ? ` over ${record.frames ?? 0} frames` : "";
  const plates = record.plates === null ? " Number plates were not searched for." : "";
  return `The server blurred ${list}${where}.${plates}`;
}
