/** Shapes of the e-challan API (src/safecity/challan/schemas.py). */

export interface Evidence {
  kind: string;
  sha256: string;
  captured_at: string | null;
  camera_id: string | null;
  /** `/api/v1/media/<sha256>`: fetch with the bearer header (client.blobUrl). */
  url: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Violation {
  id: string;
  violation_type: string;
  camera_id: string;
  occurred_at: string;
  track_id: string | null;
  object_class: string | null;
  latitude: number | null;
  longitude: number | null;
  measured_kmh: number | null;
  limit_kmh: number | null;
  signal_phase: string | null;
  plate: string | null;
  plate_confidence: number | null;
  queue: QueueName;
  status: ViolationStatus;
  registry_status: string;
  duplicate_of: string | null;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  note: string | null;
  details: Record<string, JsonValue>;
  clip_status: "pending" | "attached" | "unavailable" | null;
  clip_reason: string | null;
  clip_attempts: number;
  /** Only filled by GET /violations/{id}; the queue listing leaves it empty. */
  evidence: Evidence[];
}

export type QueueName = "validation" | "registry";
export type ViolationStatus = "pending" | "accepted" | "rejected" | "duplicate";

export interface DecisionBody {
  decision: "accept" | "reject";
  reason?: string;
  plate?: string;
  accept_vehicle_mismatch?: boolean;
  note?: string;
}

export interface Ticket {
  number: string;
  violation_id: string;
  violation_type: string;
  camera_id: string;
  occurred_at: string;
  plate: string;
  vehicle_class: string;
  /** Major units as text, e.g. "2000.00". */
  fine: string;
  fine_minor: number;
  currency: string;
  issued_at: string;
  due_at: string;
  status: TicketStatus;
  status_reason: string | null;
  paid_at: string | null;
  verify_url: string;
}

export type TicketStatus = "issued" | "delivered" | "paid" | "overdue" | "contested" | "cancelled";

export interface DecisionOutcome {
  violation: Violation;
  ticket: Ticket | null;
  message: string;
}

export interface CameraRejectionStats {
  camera_id: string;
  accepted: number;
  rejected: number;
  duplicates: number;
  /** Rejected / (accepted + rejected), 0..1. */
  rejection_rate: number;
  by_reason: Record<string, number>;
}

export interface RejectionStats {
  by_camera: CameraRejectionStats[];
  by_reason: Record<string, number>;
}

/** GET /api/v1/challan/registry/{plate} (audited). */
export interface RegistryRecord {
  plate: string;
  vehicle_class: string;
  make: string | null;
  model: string | null;
  colour: string | null;
  owner_name: string | null;
}
