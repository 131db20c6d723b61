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

/** How a fake server answers one path: a JSON body (200), or a function of the request giving the response. */
export type Answer = unknown | ((url: URL, init: RequestInit | undefined) => Response);

/**
 * A mocked fetch that answers by path: `answers` maps a pathname to its `Answer`; any other path is a 404, as a
 * server without the route.
 */
export function answeringFetch(answers: Record<string, Answer>) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://console.test");
    if (!(url.pathname in answers)) return jsonResponse(404, { detail: "Not Found" });
    const answer = answers[url.pathname];
    return typeof answer === "function" ? (answer as (url: URL, init: RequestInit | undefined) => Response)(url, init) : jsonResponse(200, answer);
  });
}
