/**
 * The logged-in session, kept in memory and mirrored in sessionStorage: a reload keeps it, closing the tab does not.
 * The refresh token is not here: it is an HttpOnly cookie the browser sends to /api/v1/auth only.
 */
import type { Schemas } from "./schemas";

export interface Session {
  token: string;
  /** When the access token ends; the console refreshes it before (see AuthContext). */
  expiresAt: string;
  user: Schemas["UserOut"];
  /** When the login ends (the shift): no refresh after it. */
  sessionExpiresAt?: string;
  /** Lock the console after this long without input (0: never). */
  idleLockSeconds?: number;
}

const STORAGE_KEY = "safecity.session";

export function saveSession(storage: Storage | null, session: Session | null): void {
  if (session) storage?.setItem(STORAGE_KEY, JSON.stringify(session));
  else storage?.removeItem(STORAGE_KEY);
}

/** The stored session, or null (an unreadable or expired one is dropped). */
export function restoreSession(storage: Storage | null): Session | null {
  const raw = storage?.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (!session.token || Date.parse(session.expiresAt) <= Date.now()) throw new Error("expired");
    return session;
  } catch {
    storage?.removeItem(STORAGE_KEY);
    return null;
  }
}
