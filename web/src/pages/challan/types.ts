/** Shapes of the e-challan API, from the API's schema (src/safecity/challan/schemas.py). */
import type { Schemas } from "../../api/schemas";

export type Evidence = Schemas["EvidenceOut"];
export type Violation = Schemas["ViolationOut"];
export type Ticket = Schemas["TicketOut"];
type DecisionIn = Schemas["safecity__challan__schemas__DecisionIn"];
/**
 * A decision as the console sends it: DecisionIn with its defaulted fields left out unless they matter (the
 * generated type marks fields with a default as required).
 */
export type DecisionBody = Pick<DecisionIn, "decision"> & Partial<DecisionIn>;
export type RejectReason = Schemas["RejectReason"];
export type DecisionOutcome = Schemas["safecity__challan__schemas__DecisionOut"];
export type RejectionStats = Schemas["RejectionStatsOut"];
export type CameraRejectionStats = Schemas["CameraStatsOut"];

export type QueueName = "validation" | "registry";
export type TicketStatus = Schemas["TicketStatus"];
