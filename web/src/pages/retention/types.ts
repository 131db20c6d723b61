/** Shapes of the retention API (GET /api/v1/retention/report, /api/v1/holds; src/safecity/evidence). */
import type { Schemas } from "../../api/schemas";

/** The report's route declares no response model, so its shape is written out here. */
export interface RetentionClass {
  name: string;
  /** Days the class is kept, from the server's configuration (safecity.yaml `retention:`). */
  days: number;
  /** Data older than this would be deleted by a sweep now. */
  before: string;
  /** How many records a sweep now would delete. */
  count: number;
  error: string | null;
  /** What the class holds now (null when it cannot say): items, the oldest one's time, bytes of its files. */
  items: number | null;
  oldest: string | null;
  /** Null for classes of database rows only (events). */
  bytes: number | null;
}

export interface RetentionReport {
  dry_run: boolean;
  now: string;
  ok: boolean;
  classes: RetentionClass[];
}

export const HOLD_SCOPES = ["case", "item", "camera"] as const;
export type HoldScope = (typeof HOLD_SCOPES)[number];

/** A hold as the API returns it (its `scope` is declared a plain string; these are its values). */
export type LegalHold = Omit<Schemas["HoldOut"], "scope"> & { scope: HoldScope };

export type HoldRequest = Schemas["HoldCreate"] & { scope: HoldScope };
