/** The officer's decision form: what it holds, what it must satisfy, and the body it sends. */
import type { DecisionBody, RejectReason, Violation } from "../types";

export interface DecisionForm {
  /** The plate as the officer reads it from the evidence; empty keeps the camera's reading. */
  plate: string;
  reason: string;
  note: string;
  acceptVehicleMismatch: boolean;
}

export type DecisionField = "plate" | "reason" | "note";
export type DecisionErrors = Partial<Record<DecisionField, string>>;

export const EMPTY_FORM: DecisionForm = { plate: "", reason: "", note: "", acceptVehicleMismatch: false };

// The server's limits (DecisionIn in src/safecity/challan/schemas.py).
export const PLATE_MIN = 2;
export const PLATE_MAX = 32;
export const NOTE_MAX = 2000;

export function validateDecision(kind: "accept" | "reject", form: DecisionForm, violation: Violation): DecisionErrors {
  const errors: DecisionErrors = {};
  const plate = form.plate.trim();
  if (plate && (plate.length < PLATE_MIN || plate.length > PLATE_MAX)) {
    errors.plate = `A plate has ${PLATE_MIN} to ${PLATE_MAX} characters.`;
  } else if (kind === "accept" && !plate && !violation.plate) {
    errors.plate = "No plate was read: type the plate as you read it from the evidence.";
  }
  if (kind === "reject" && !form.reason) errors.reason = "Choose the reason for rejecting.";
  if (form.note.length > NOTE_MAX) errors.note = `At most ${NOTE_MAX} characters.`;
  return errors;
}

const normalized = (plate: string) => plate.replace(/[\s-]+/g, "").toUpperCase();

export function decisionBody(kind: "accept" | "reject", form: DecisionForm, violation: Violation): DecisionBody {
  const body: DecisionBody = { decision: kind };
  const note = form.note.trim();
  if (note) body.note = note;
  // The reasons offered are the server's own list (GET /api/v1/challan/reasons).
  if (kind === "reject") return { ...body, reason: form.reason as RejectReason };
  const plate = form.plate.trim();
  // Only a real correction is sent: the server records an entered plate in the audit log.
  if (plate && normalized(plate) !== normalized(violation.plate ?? "")) body.plate = plate;
  if (form.acceptVehicleMismatch) body.accept_vehicle_mismatch = true;
  return body;
}
