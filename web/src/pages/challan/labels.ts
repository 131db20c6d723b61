/** Words for the API's codes, so officers never read snake_case. Unknown codes fall back to readable text. */
import type { TicketStatus, Violation } from "./types";
import { formatDateTime } from "../../format/dateTime";

export const BASE_PATH = "/challan";

const VIOLATION_TYPES: Record<string, string> = {
  red_light: "Red light",
  speeding: "Speeding",
  section_speed: "Section speed",
  wrong_way: "Wrong way",
  lane_violation: "Lane violation",
  no_helmet: "No helmet",
  no_seat_belt: "No seat belt",
};

const REJECT_REASONS: Record<string, string> = {
  misread_plate: "Plate misread",
  emergency_vehicle: "Emergency vehicle",
  signal_fault: "Signal fault",
  no_violation: "No violation",
  poor_evidence: "Poor evidence",
  fake_plate: "Fake plate",
  vehicle_mismatch: "Vehicle does not match the registry",
  calibration_fault: "Speed calibration fault",
  other: "Other",
};

const REGISTRY_STATUSES: Record<string, string> = {
  no_plate: "No plate read",
  ok: "Registered",
  unknown_plate: "Not in the registry",
  vehicle_mismatch: "Vehicle does not match the registry",
};

export const TICKET_STATUSES: Record<TicketStatus, string> = {
  issued: "Issued",
  delivered: "Delivered",
  paid: "Paid",
  overdue: "Overdue",
  contested: "Contested",
  cancelled: "Cancelled",
};

const EVIDENCE_KINDS: Record<string, string> = {
  context_before: "Before",
  snapshot: "At the violation",
  context_at: "At the violation (context)",
  context_after: "After",
  vehicle_crop: "Vehicle",
  plate_snapshot: "Frame of the plate read",
  plate_crop: "Plate",
  entry_plate_crop: "Plate at the entry camera",
  exit_plate_crop: "Plate at the exit camera",
  clip: "Video clip",
};

function readable(code: string): string {
  const text = code.replace(/[_.]+/g, " ").trim();
  return text ? text[0]!.toUpperCase() + text.slice(1) : code;
}

export const violationTypeLabel = (code: string) => VIOLATION_TYPES[code] ?? readable(code);
export const reasonLabel = (code: string) => REJECT_REASONS[code] ?? readable(code);
export const registryStatusLabel = (code: string) => REGISTRY_STATUSES[code] ?? readable(code);
export const evidenceKindLabel = (code: string) => EVIDENCE_KINDS[code] ?? readable(code);
export const ticketStatusLabel = (code: string) => TICKET_STATUSES[code as TicketStatus] ?? readable(code);

export const formatTime = (iso: string | null | undefined): string => formatDateTime(iso);

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}

export function formatConfidence(confidence: number | null): string {
  return confidence === null ? "confidence unknown" : `${formatPercent(confidence)} confidence`;
}

/** Below this the plate read is flagged for a careful look. */
export const LOW_CONFIDENCE = 0.8;

function numberOf(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function textOf(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

const kmh = (value: number) => `${Math.round(value * 10) / 10} km/h`;

/** What the camera measured, in one line: speed against the limit, the signal phase, the lane rule. */
export function measuredSummary(violation: Violation): string {
  const parts: string[] = [];
  if (violation.measured_kmh !== null) {
    parts.push(
      violation.limit_kmh !== null
        ? `${kmh(violation.measured_kmh)} in a ${kmh(violation.limit_kmh)} limit`
        : kmh(violation.measured_kmh),
    );
  } else if (violation.limit_kmh !== null) {
    parts.push(`limit ${kmh(violation.limit_kmh)}`);
  }
  if (violation.signal_phase) {
    const intoRed = numberOf(violation.details.seconds_into_red);
    parts.push(
      `signal ${violation.signal_phase}` + (intoRed !== null ? ` for ${Math.round(intoRed * 10) / 10} s` : ""),
    );
  }
  const laneKind = textOf(violation.details.kind);
  if (laneKind) parts.push(readable(laneKind).toLowerCase());
  return parts.length ? parts.join("; ") : "—";
}

/** Extra facts from the rule event's payload worth showing next to the measured values. */
export function signalDetails(violation: Violation): string | null {
  const signal = textOf(violation.details.signal);
  const source = textOf(violation.details.phase_source);
  const controller = textOf(violation.details.controller_phase);
  const parts = [
    signal ? `signal ${signal}` : null,
    source ? `phase from the ${source}` : null,
    controller ? `controller reported ${controller}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join(", ") : null;
}
