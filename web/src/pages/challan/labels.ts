/** Words for the API's codes, so officers never read snake_case. Unknown codes fall back to readable text. */
import type { TicketStatus, Violation } from "./types";
import { formatDateTime } from "../../format/dateTime";
import { t } from "../../i18n/catalogue";

export const BASE_PATH = "/challan";

const VIOLATION_TYPES: Record<string, string> = {
  get red_light() {
    return t("challan.redLight");
  },
  get speeding() {
    return t("challan.speeding");
  },
  get section_speed() {
    return t("challan.sectionSpeed");
  },
  get wrong_way() {
    return t("challan.wrongWay");
  },
  get lane_violation() {
    return t("challan.laneViolation");
  },
  get no_helmet() {
    return t("challan.noHelmet");
  },
  get no_seat_belt() {
    return t("challan.noSeatBelt");
  },
};

const REJECT_REASONS: Record<string, string> = {
  get misread_plate() {
    return t("challan.plateMisread");
  },
  get emergency_vehicle() {
    return t("challan.emergencyVehicle");
  },
  get signal_fault() {
    return t("challan.signalFault");
  },
  get no_violation() {
    return t("challan.noViolation2");
  },
  get poor_evidence() {
    return t("challan.poorEvidence");
  },
  get fake_plate() {
    return t("challan.fakePlate");
  },
  get vehicle_mismatch() {
    return t("challan.vehicleDoesNotMatch");
  },
  get calibration_fault() {
    return t("challan.speedCalibrationFault");
  },
  get other() {
    return t("challan.other");
  },
};

const REGISTRY_STATUSES: Record<string, string> = {
  get no_plate() {
    return t("challan.evidence.noPlateRead");
  },
  get ok() {
    return t("challan.registered");
  },
  get unknown_plate() {
    return t("challan.notInTheRegistry");
  },
  get vehicle_mismatch() {
    return t("challan.vehicleDoesNotMatch");
  },
};

export const TICKET_STATUSES: Record<TicketStatus, string> = {
  get issued() {
    return t("challan.tickets.issued");
  },
  get delivered() {
    return t("challan.delivered");
  },
  get paid() {
    return t("challan.tickets.paid");
  },
  get overdue() {
    return t("challan.overdue");
  },
  get contested() {
    return t("challan.contested");
  },
  get cancelled() {
    return t("challan.cancelled");
  },
};

const EVIDENCE_KINDS: Record<string, string> = {
  get context_before() {
    return t("challan.before");
  },
  get snapshot() {
    return t("challan.atTheViolation");
  },
  get context_at() {
    return t("challan.atTheViolationContext");
  },
  get context_after() {
    return t("challan.after");
  },
  get vehicle_crop() {
    return t("challan.vehicle");
  },
  get plate_snapshot() {
    return t("challan.frameOfThePlate");
  },
  get plate_crop() {
    return t("challan.evidence.plate");
  },
  get entry_plate_crop() {
    return t("challan.plateAtTheEntry");
  },
  get exit_plate_crop() {
    return t("challan.plateAtTheExit");
  },
  get clip() {
    return t("challan.evidence.videoClip");
  },
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
