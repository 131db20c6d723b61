/** Words for the API's codes, so officers never read snake_case. Unknown codes fall back to readable text. */
import type { TicketStatus, Violation } from "./types";
import { formatDateTime } from "../../format/dateTime";
import { messageRecord, t } from "../../i18n/catalogue";

export const BASE_PATH = "/challan";

const VIOLATION_TYPES: Record<string, string> = messageRecord({
  red_light: "challan.redLight",
  speeding: "challan.speeding",
  section_speed: "challan.sectionSpeed",
  wrong_way: "challan.wrongWay",
  lane_violation: "challan.laneViolation",
  no_helmet: "challan.noHelmet",
  no_seat_belt: "challan.noSeatBelt",
});

const REJECT_REASONS: Record<string, string> = messageRecord({
  misread_plate: "challan.plateMisread",
  emergency_vehicle: "challan.emergencyVehicle",
  signal_fault: "challan.signalFault",
  no_violation: "challan.noViolation2",
  poor_evidence: "challan.poorEvidence",
  fake_plate: "challan.fakePlate",
  vehicle_mismatch: "challan.vehicleDoesNotMatch",
  calibration_fault: "challan.speedCalibrationFault",
  other: "challan.other",
});

const REGISTRY_STATUSES: Record<string, string> = messageRecord({
  no_plate: "challan.evidence.noPlateRead",
  ok: "challan.registered",
  unknown_plate: "challan.notInTheRegistry",
  vehicle_mismatch: "challan.vehicleDoesNotMatch",
});

export const TICKET_STATUSES: Record<TicketStatus, string> = messageRecord<TicketStatus>({
  issued: "challan.tickets.issued",
  delivered: "challan.delivered",
  paid: "challan.tickets.paid",
  overdue: "challan.overdue",
  contested: "challan.contested",
  cancelled: "challan.cancelled",
});

const EVIDENCE_KINDS: Record<string, string> = messageRecord({
  context_before: "challan.before",
  snapshot: "challan.atTheViolation",
  context_at: "challan.atTheViolationContext",
  context_after: "challan.after",
  vehicle_crop: "challan.vehicle",
  plate_snapshot: "challan.frameOfThePlate",
  plate_crop: "challan.evidence.plate",
  entry_plate_crop: "challan.plateAtTheEntry",
  exit_plate_crop: "challan.plateAtTheExit",
  clip: "challan.evidence.videoClip",
});

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
  return confidence === null ? t("challan.confidenceUnknown") : `${formatPercent(confidence)} confidence`;
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
        ? t("challan.inALimit", { kmh: kmh(violation.measured_kmh), kmh2: kmh(violation.limit_kmh) })
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
    source ? t("challan.phaseFromThe", { source }) : null,
    controller ? t("challan.controllerReported", { controller }) : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join(", ") : null;
}
