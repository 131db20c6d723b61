/** The alert queue's server shapes, from the generated contract (src/api/schemas.ts), and its orders. */
import type { Schemas } from "../../api/schemas";

export const ALERT_STATUSES = [
  "new",
  "escalated",
  "acknowledged",
  "assigned",
  "confirmed",
  "dismissed",
  "resolved",
] as const satisfies readonly Schemas["AlertStatus"][];
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Most severe first, as SEVERITY_RANK in src/safecity/alerts/states.py. */
export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const satisfies readonly Schemas["Severity"][];
export type Severity = (typeof SEVERITIES)[number];

export type Alert = Schemas["AlertView"];

export type { Incident, IncidentType } from "../incidents/types";

export interface CameraSummary {
  id: string;
  name: string;
}

export type CandidateStatus = "pending" | "confirmed" | "rejected";

/** The API declares a candidate's status and each decision as plain strings; these are their values. */
export type CandidateDecision = Omit<Schemas["CandidateOut"]["decisions"][number], "decision"> & { decision: "confirm" | "reject" };
export type FaceCandidate = Omit<Schemas["CandidateOut"], "status" | "decisions"> & {
  status: CandidateStatus;
  decisions: CandidateDecision[];
};
