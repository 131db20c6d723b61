/** Shapes of the evidence API (src/safecity/evidence/schemas.py). Times are ISO 8601 strings in UTC. */

export type CaseStatus = "open" | "closed";

export interface EvidenceCase {
  id: number;
  reference: string;
  title: string;
  description: string;
  incident_ref: string;
  status: CaseStatus;
  created_by: string;
  created_at: string;
  closed_at: string | null;
}

export const ITEM_KINDS = ["upload", "snapshot", "clip", "document"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface EvidenceItem {
  id: number;
  case_id: number | null;
  kind: ItemKind;
  sha256: string;
  size: number;
  suffix: string;
  filename: string;
  description: string;
  camera_id: string | null;
  start: string | null;
  end: string | null;
  collected_by: string;
  collected_at: string;
  original_id: number | null;
  /** "" for an original, "redacted" for a face-redacted derivative. */
  derivation: string;
  /** "active", or "purged" once retention deleted the file (the row and custody stay). */
  status: string;
  custody_count: number;
}

export interface CustodyEntry {
  seq: number;
  time: string;
  action: string;
  actor: string;
  role: string;
  purpose: string;
  case_ref: string;
  /** JSON text. */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface CustodyReport {
  item_id: number;
  intact: boolean;
  problems: string[];
  entries: CustodyEntry[];
}

export interface SigningKey {
  fingerprint: string;
  public_key_pem: string;
}

const IMAGE_SUFFIXES = new Set([".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"]);
const VIDEO_SUFFIXES = new Set([".mp4", ".mkv", ".mov", ".avi", ".webm"]);

/** As the server's `media_type`: only images and videos can be previewed and redacted. */
export function mediaTypeOf(suffix: string): "image" | "video" | "other" {
  const lower = suffix.toLowerCase();
  if (IMAGE_SUFFIXES.has(lower)) return "image";
  if (VIDEO_SUFFIXES.has(lower)) return "video";
  return "other";
}
