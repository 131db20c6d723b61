import { ApiClient, type Session } from "../api/client";
import type { User } from "../api/types";
import { vi } from "vitest";

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

export function userWith(permissions: string[], overrides: Partial<User> = {}): User {
  return { username: "alice", full_name: "Alice", role: "operator", is_active: true, permissions, ...overrides };
}

export function sessionFor(user: User): Session {
  return { token: "tok-1", expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user };
}

/** A client whose session is already stored, with a mocked fetch. */
export function loggedInClient(user: User, fetchImpl = vi.fn(async () => jsonResponse(200, {}))) {
  const storage = window.sessionStorage;
  storage.setItem("safecity.session", JSON.stringify(sessionFor(user)));
  return { client: new ApiClient({ fetch: fetchImpl as unknown as typeof fetch, storage }), fetchImpl };
}
