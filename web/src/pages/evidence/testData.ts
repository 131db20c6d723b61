/** Evidence records for the tests: a stored item and an open case, each with the fields a test cares about. */
import type { EvidenceCase, EvidenceItem } from "./types";

export function evidenceItem(id: number, overrides: Partial<EvidenceItem> = {}): EvidenceItem {
  return {
    id,
    case_id: 1,
    kind: "upload",
    sha256: "a".repeat(64),
    size: 10,
    suffix: ".png",
    filename: `f${id}.png`,
    description: "",
    camera_id: null,
    start: null,
    end: null,
    collected_by: "investigator",
    collected_at: "2026-01-01T00:00:00Z",
    original_id: null,
    derivation: "",
    status: "active",
    custody_count: 1,
    ...overrides,
  };
}

export const OPEN_CASE: EvidenceCase = {
  id: 3,
  reference: "FIR 3/2026",
  title: "Theft",
  description: "",
  incident_ref: "",
  status: "open",
  created_by: "investigator",
  created_at: "2026-01-01T00:00:00Z",
  closed_at: null,
};
