/** Test data for this folder: a legal hold, active, on case 3 unless `changes` say otherwise. */
import type { LegalHold } from "./types";

export function legalHold(changes: Partial<LegalHold> = {}): LegalHold {
  return {
    id: 4,
    scope: "case",
    case_id: 3,
    item_id: null,
    camera_id: null,
    start: null,
    end: null,
    reason: "Court order 17",
    case_ref: "FIR 3",
    created_by: "admin",
    created_at: "2026-01-01T00:00:00Z",
    released_at: null,
    released_by: null,
    release_reason: null,
    ...changes,
  };
}
