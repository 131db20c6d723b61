import type { Session } from "../api/session";

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * When to refresh the access token: a fifth of its remaining life before it ends (at least 5 s, at most a minute
 * before, never more than half of it), so a 60-minute token is refreshed at 59 minutes, a 20-second one at 15 s and
 * a 5-second one (tests) at 2.5 s.
 */
export function refreshDelayMs(session: Pick<Session, "expiresAt">, now: number = Date.now()): number {
  const left = Date.parse(session.expiresAt) - now;
  const margin = Math.min(60_000, Math.max(5_000, left * 0.2), left / 2);
  return Math.min(MAX_TIMER_MS, Math.max(1_000, left - margin));
}
