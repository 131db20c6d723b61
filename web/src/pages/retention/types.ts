/** Shapes of the retention API (GET /api/v1/retention/report, /api/v1/holds; src/safecity/evidence). */

export interface RetentionClass {
  name: string;
  /** Days the class is kept, from the server's configuration (safecity.yaml `retention:`). */
  days: number;
  /** Data older than this would be deleted by a sweep now. */
  before: string;
  /** How many records a sweep now would delete. */
  count: number;
  error: string | null;
}

export interface RetentionReport {
  dry_run: boolean;
  now: string;
  ok: boolean;
  classes: RetentionClass[];
}

export const HOLD_SCOPES = ["case", "item", "camera"] as const;
export type HoldScope = (typeof HOLD_SCOPES)[number];

export interface LegalHold {
  id: number;
  scope: HoldScope;
  case_id: number | null;
  item_id: number | null;
  camera_id: string | null;
  start: string | null;
  end: string | null;
  reason: string;
  case_ref: string;
  created_by: string;
  created_at: string;
  released_at: string | null;
  released_by: string | null;
  /** Why the hold was lifted; null while active (and for holds released before reasons were asked). */
  release_reason: string | null;
}

export interface HoldRequest {
  scope: HoldScope;
  reason: string;
  case_id: number | null;
  item_id: number | null;
  camera_id: string | null;
  start: string | null;
  end: string | null;
  case_ref: string;
}
