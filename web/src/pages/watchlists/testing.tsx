/** Test support for this folder: a routed fake of the server's HTTP API and a page renderer. */
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { vi } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderPage } from "../../test/renderPage";
import { t } from "../../i18n/catalogue";
import WatchlistsPage from "./Page";

export interface FakeRequest {
  method: string;
  path: string;
  url: URL;
  json: () => unknown;
  form: FormData | null;
}

export type Handler = (request: FakeRequest) => Response | Promise<Response>;

/** `routes` maps "METHOD /path" to a handler; anything else answers 404, as a server without the route. */
export function fakeServer(routes: Record<string, Handler>) {
  const calls: FakeRequest[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://console.test");
    const method = init?.method ?? "GET";
    const body = init?.body;
    const request: FakeRequest = {
      method,
      path: url.pathname,
      url,
      json: () => (typeof body === "string" ? JSON.parse(body) : null),
      form: body instanceof FormData ? body : null,
    };
    calls.push(request);
    const handler = routes[`${method} ${url.pathname}`];
    return handler ? handler(request) : jsonResponse(404, { detail: t("watchlists.notFound") });
  });
  return { fetchImpl, calls };
}

/**
 * A server holding one list at `path`: GET answers the list, POST adds what `create` makes of the request
 * (201), or answers `create`'s own Response (a refusal).
 */
export function listServer<T>(path: string, create: (request: FakeRequest, list: readonly T[]) => T | Response) {
  const list: T[] = [];
  return fakeServer({
    [`GET ${path}`]: () => jsonResponse(200, list),
    [`POST ${path}`]: (request) => {
      const created = create(request, list);
      if (created instanceof Response) return created;
      list.push(created);
      return jsonResponse(201, created);
    },
  });
}

/** Who made a test's stored subject or hotlist, and when (the server's stamps). */
export const STORED = {
  created_by: "supervisor",
  created_at: "2025-01-01T00:00:00Z",
  updated_at: "2025-01-01T00:00:00Z",
} as const;

export const SUPERVISOR_PERMISSIONS = ["watchlists.manage", "plates.search", "faces.search", "events.read"];

/** The watchlists page at `path`, for a logged-in supervisor talking to `server`; returns the user at the keyboard. */
export function openAt(path: string, server: ReturnType<typeof fakeServer>): UserEvent {
  renderPage(<WatchlistsPage />, {
    permissions: SUPERVISOR_PERMISSIONS,
    user: { role: "supervisor" },
    fetch: server.fetchImpl,
    path,
    route: "/admin/watchlists/*",
  });
  return userEvent.setup();
}

/** Types `text` into `field` in one paste: as a user would, but quicker than key by key on a busy machine. */
export async function fill(user: UserEvent, field: HTMLElement, text: string): Promise<void> {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

export { jsonResponse };
