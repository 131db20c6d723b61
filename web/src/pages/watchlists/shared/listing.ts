/**
 * What every watchlist listing (a person's or a plate's) has in its form: case reference, reason and expiry
 * date; how a draft of them is checked, sent when created, and reduced to its changes for an edit.
 */
import type { FormErrors } from "./apiErrors";
import { expiryDateError, expiryDateOf } from "./expiry";

export interface ListingDraft {
  case_ref: string;
  reason: string;
  /** "YYYY-MM-DD", or "" for no expiry. */
  expires: string;
}

/** A listing as the server stores it. */
interface StoredListing {
  case_ref: string;
  reason: string;
  expires_at: string | null;
}

export function listingDraftOf(listing: StoredListing | null): ListingDraft {
  return listing
    ? { case_ref: listing.case_ref, reason: listing.reason, expires: expiryDateOf(listing.expires_at) }
    : { case_ref: "", reason: "", expires: "" };
}

/** A missing reason (`reasonRequired` says what to state) and an expiry that is not a date today or later. */
export function listingErrors(draft: ListingDraft, reasonRequired: string, now: Date = new Date()): FormErrors {
  const errors: FormErrors = {};
  if (!draft.reason.trim()) errors.reason = reasonRequired;
  const expiry = expiryDateError(draft.expires, now);
  if (expiry) errors.expires_at = expiry;
  return errors;
}

/** The listing fields of a create request. */
export function listingBody(draft: ListingDraft): StoredListing {
  return { case_ref: draft.case_ref.trim(), reason: draft.reason.trim(), expires_at: draft.expires || null };
}

/** The `keys` whose trimmed draft text differs from the stored text, for a PATCH. */
export function changedTexts<K extends string>(
  draft: Readonly<Record<K, string>>,
  original: Readonly<Record<K, string>>,
  keys: readonly K[],
): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const key of keys) if (draft[key].trim() !== original[key]) changes[key] = draft[key].trim();
  return changes;
}

/** The listing fields that changed, for a PATCH; an emptied expiry is sent as null (no expiry). */
export function listingChanges(draft: ListingDraft, original: StoredListing): Record<string, string | null> {
  const changes: Record<string, string | null> = changedTexts(draft, original, ["case_ref", "reason"]);
  if (draft.expires !== expiryDateOf(original.expires_at)) changes.expires_at = draft.expires || null;
  return changes;
}
