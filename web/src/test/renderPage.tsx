/** Test support: a page or component as the console shows it, for a logged-in user talking to a mocked server. */
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes } from "react-router";
import type { Mock } from "vitest";
import type { User } from "../api/types";
import { AuthProvider } from "../auth/AuthContext";
import { loggedInClient, userWith } from "./fakes";

export interface PageOptions {
  /** What the logged-in user may do. */
  permissions?: string[];
  /** Other fields of the user, e.g. `{ role: "supervisor" }`. */
  user?: Partial<User>;
  /** The server: a mocked fetch (by default every request answers 200 `{}`). */
  fetch?: Mock;
  /** Where the router starts. */
  path?: string;
  /** The route `ui` is mounted at (e.g. "/alerts/*"), for pages that read their path; without it `ui` is shown as is. */
  route?: string;
}

/** Renders `ui` inside the session's provider and a memory router; returns RTL's result and the fetch mock. */
export function renderPage(ui: ReactNode, { permissions = [], user, fetch, path = "/", route }: PageOptions = {}) {
  const { client, fetchImpl } = loggedInClient(userWith(permissions, user), fetch);
  const page = route ? (
    <Routes>
      <Route path={route} element={ui} />
    </Routes>
  ) : (
    ui
  );
  const rendered = render(
    <AuthProvider client={client}>
      <MemoryRouter initialEntries={[path]}>{page}</MemoryRouter>
    </AuthProvider>,
  );
  return { ...rendered, client, fetchImpl };
}

/** The URLs `fetchImpl` was asked for at `path` (any method), oldest first. */
export function requestedUrls(fetchImpl: Mock, path: string): URL[] {
  return fetchImpl.mock.calls
    .map(([input]) => new URL(String(input), "http://console.test"))
    .filter((url) => url.pathname === path);
}
