/** Shapes of the evidence API, from the API's schema (src/safecity/evidence/schemas.py). Times are ISO 8601 UTC. */
import type { Schemas } from "../../api/schemas";

export type CaseStatus = "open" | "closed";
export type EvidenceCase = Schemas["CaseOut"];

export const ITEM_KINDS = ["upload", "snapshot", "clip", "document"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * An item: `derivation` is "" for an original and "redacted" for a face-redacted derivative; `status` is
 * "active", or "purged" once retention deleted the file (the row and custody stay).
 */
export type EvidenceItem = Schemas["ItemOut"];
/** A custody entry's `details` are JSON text. */
export type CustodyEntry = CustodyReport["entries"][number];
export type CustodyReport = Schemas["CustodyReport"];
export type SigningKey = Schemas["SigningKeyOut"];

const IMAGE_SUFFIXES = new Set([".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"]);
const VIDEO_SUFFIXES = new Set([".mp4", ".mkv", ".mov", ".avi", ".webm"]);

/** As the server's `media_type`: only images and videos can be previewed and redacted. */
export function mediaTypeOf(suffix: string): "image" | "video" | "other" {
  const lower = suffix.toLowerCase();
  if (IMAGE_SUFFIXES.has(lower)) return "image";
  if (VIDEO_SUFFIXES.has(lower)) return "video";
  return "other";
}
