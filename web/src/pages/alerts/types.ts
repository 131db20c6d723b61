/** Server shapes used by the alert queue, mirrored from src/safecity/alerts/schemas.py, faces/api.py and
 * dispatch/schemas.py. */

export const ALERT_STATUSES = [
  "new",
  "escalated",
  "acknowledged",
  "assigned",
  "confirmed",
  "dismissed",
  "resolved",
] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Most severe first, as SEVERITY_RANK in src/safecity/alerts/states.py. */
export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Alert {
  id: number;
  kind: string;
  source_topic: string;
  severity: Severity;
  status: AlertStatus;
  title: string;
  camera_id: string | null;
  subject: string;
  count: number;
  first_seen: string;
  last_seen: string;
  latitude: number | null;
  longitude: number | null;
  details: Record<string, unknown>;
  requires_confirmation: boolean;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  assigned_user: string | null;
  assigned_unit: string | null;
  dismissed_reason: string | null;
  escalation_level: number;
  escalated_at: string | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
  resolved_at: string | null;
  incident_id: number | null;
  updated_at: string;
}

export type { IncidentType } from "../incidents/types";

export interface Incident {
  id: number;
  type: string;
  priority: number;
  status: string;
  title: string;
}

export interface CameraSummary {
  id: string;
  name: string;
}

export type CandidateStatus = "pending" | "confirmed" | "rejected";

export interface CandidateDecision {
  username: string;
  role: string;
  decision: "confirm" | "reject";
  note: string;
  created_at: string;
}

export interface FaceCandidate {
  id: number;
  event_id: string;
  subject_id: string;
  subject_name: string;
  category: string;
  score: number;
  distance: number;
  model: string;
  probe_sha256: string;
  enrolled_sha256: string;
  camera_id: string | null;
  track_id: string;
  seen_at: string;
  status: CandidateStatus;
  decided_at: string | null;
  decisions: CandidateDecision[];
}
