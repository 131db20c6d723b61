import type { Alert, FaceCandidate } from "./types";

/** A server-shaped alert for tests. */
export function makeAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 1,
    kind: "rule",
    source_topic: "rule.line_crossing",
    severity: "medium",
    status: "new",
    title: "line_crossing: crossing",
    camera_id: "cam-1",
    subject: "crossing",
    count: 1,
    first_seen: "2025-05-01T10:00:00Z",
    last_seen: "2025-05-01T10:00:00Z",
    latitude: null,
    longitude: null,
    details: {},
    requires_confirmation: false,
    acknowledged_at: null,
    acknowledged_by: null,
    assigned_user: null,
    assigned_unit: null,
    dismissed_reason: null,
    escalation_level: 0,
    escalated_at: null,
    confirmed_at: null,
    confirmed_by: null,
    resolved_at: null,
    incident_id: null,
    updated_at: "2025-05-01T10:00:00Z",
    ...overrides,
  };
}

export function makeCandidate(overrides: Partial<FaceCandidate> = {}): FaceCandidate {
  return {
    id: 7,
    event_id: "e-7",
    subject_id: "s-1",
    subject_name: "Wanted Person",
    category: "wanted",
    score: 0.91,
    distance: 0.32,
    model: "sface",
    probe_sha256: "a".repeat(64),
    enrolled_sha256: "b".repeat(64),
    camera_id: "cam-1",
    track_id: "t-1",
    seen_at: "2025-05-01T10:00:00Z",
    status: "pending",
    decided_at: null,
    decisions: [],
    ...overrides,
  };
}
