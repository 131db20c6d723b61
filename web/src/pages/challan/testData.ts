/** Test builders for the e-challan area's API shapes. */
import type { DecisionOutcome, Ticket, Violation } from "./types";

export function aViolation(overrides: Partial<Violation> = {}): Violation {
  return {
    id: "v1",
    violation_type: "red_light",
    camera_id: "cam-1",
    occurred_at: "2025-03-01T10:00:00Z",
    track_id: "7",
    object_class: "car",
    latitude: null,
    longitude: null,
    measured_kmh: null,
    limit_kmh: null,
    signal_phase: "red",
    plate: "LEA-1234",
    plate_confidence: 0.93,
    queue: "validation",
    status: "pending",
    registry_status: "ok",
    duplicate_of: null,
    decided_by: null,
    decided_at: null,
    reason: null,
    note: null,
    details: {},
    clip_status: null,
    clip_reason: null,
    clip_attempts: 0,
    evidence: [],
    ...overrides,
  };
}

export function aTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    number: "EC250301-ABCDEFGH",
    violation_id: "v1",
    violation_type: "red_light",
    camera_id: "cam-1",
    occurred_at: "2025-03-01T10:00:00Z",
    plate: "LEA-1234",
    vehicle_class: "car",
    fine: "2000.00",
    fine_minor: 200000,
    currency: "PKR",
    issued_at: "2025-03-01T11:00:00Z",
    due_at: "2025-03-11T11:00:00Z",
    status: "issued",
    status_reason: null,
    paid_at: null,
    verify_url: "/api/v1/public/challan/verify/EC250301-ABCDEFGH",
    ...overrides,
  };
}

export function accepted(violation: Violation, ticket: Ticket = aTicket({ violation_id: violation.id })): DecisionOutcome {
  return { violation: { ...violation, status: "accepted" }, ticket, message: `ticket ${ticket.number} issued` };
}
