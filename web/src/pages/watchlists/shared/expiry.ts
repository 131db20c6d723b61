import { t } from "../../../i18n/catalogue";
/**
 * Expiry as the server understands it: a date sent as "YYYY-MM-DD" means "through that day, UTC", stored
 * as the following midnight UTC. The form works in dates; lists show the stored instant in words.
 */

function utcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** An error in words, or null when `date` ("YYYY-MM-DD", or "" for no expiry) is acceptable at `now`. */
export function expiryDateError(date: string, now: Date = new Date()): string | null {
  if (!date) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    return t("watchlists.shared.enterTheExpiryAs");
  if (date < utcDate(now)) return t("watchlists.shared.theExpiryMustBe");
  return null;
}

/** The date to put in a date input for a stored expiry (the last day it still applies). */
export function expiryDateOf(expiresAt: string | null): string {
  if (!expiresAt) return "";
  const instant = new Date(expiresAt);
  if (Number.isNaN(instant.getTime())) return "";
  // Stored "through day D" is midnight starting D+1; step back a millisecond to land on D.
  return utcDate(new Date(instant.getTime() - 1));
}

/** "Through 2026-03-31 (UTC)", "Expired 2024-01-01 (UTC)" or "No expiry". */
export function expiryText(expiresAt: string | null, expired: boolean): string {
  if (!expiresAt) return t("watchlists.shared.noExpiry");
  const day = expiryDateOf(expiresAt);
  return expired ? t("watchlists.shared.expiredAfterUtc", { day }) : `Through ${day} (UTC)`;
}

/** Today as a date input value, UTC, for the input's `min`. */
export function todayUtc(now: Date = new Date()): string {
  return utcDate(now);
}
