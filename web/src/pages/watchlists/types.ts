/** Server shapes of /api/v1/hotlists and /api/v1/watchlists/persons (src/safecity/watchlist/*). */

export const HOTLIST_KINDS = ["wanted", "stolen", "suspect", "watch", "other"] as const;
export type HotlistKind = (typeof HOTLIST_KINDS)[number];

export const HOTLIST_KIND_LABELS: Record<HotlistKind, string> = {
  wanted: "Wanted",
  stolen: "Stolen",
  suspect: "Suspect",
  watch: "Watch",
  other: "Other",
};

/** The server's MAX_EDIT_BUDGET: how many OCR edits a read may differ from a listed plate and still hit. */
export const MAX_EDIT_BUDGET = 2;

export interface Hotlist {
  id: number;
  name: string;
  kind: HotlistKind;
  description: string;
  edit_budget: number;
  active: boolean;
  entries: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface HotlistEntry {
  id: number;
  hotlist_id: number;
  plate: string;
  plate_key: string;
  reason: string;
  case_ref: string;
  vehicle: string;
  expires_at: string | null;
  expired: boolean;
  added_by: string;
  created_at: string;
  updated_at: string;
}

export interface ImportRowError {
  line: number;
  message: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  failed: number;
  errors: ImportRowError[];
}

export const SUBJECT_CATEGORIES = [
  "wanted",
  "missing",
  "suspect",
  "vip_protection",
  "person_of_interest",
  "other",
] as const;
export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];

export const SUBJECT_CATEGORY_LABELS: Record<SubjectCategory, string> = {
  wanted: "Wanted",
  missing: "Missing person",
  suspect: "Suspect",
  vip_protection: "VIP protection",
  person_of_interest: "Person of interest",
  other: "Other",
};

/** The quality report the enrolment gate stored for the face used from an image. */
export interface FaceQuality {
  passed?: boolean;
  score?: number;
  face_px?: number;
  reasons?: string[];
}

export interface SubjectImage {
  id: number;
  sha256: string;
  box: number[];
  quality: FaceQuality;
  added_by: string;
  created_at: string;
}

export interface Subject {
  id: string;
  name: string;
  category: SubjectCategory;
  case_ref: string;
  legal_authority: string;
  reason: string;
  expires_at: string | null;
  expired: boolean;
  vectors: number;
  images: SubjectImage[];
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface Enrolled {
  image: SubjectImage;
  notes: string[];
}
