/** Test helpers: the search page on a fake server whose answers are chosen per path. */
import { render } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { vi } from "vitest";
import { AuthProvider } from "../../auth/AuthContext";
import { jsonResponse, loggedInClient, userWith } from "../../test/fakes";
import SearchPage from "./Page";
import { t } from "../../i18n/catalogue";

export type Answer = (url: URL, init: RequestInit | undefined) => Response;

/** Render /search/<tab> for a user with `permissions`; `answers` maps a path to its response. */
export function renderSearch(tab: string, permissions: string[], answers: Record<string, Answer>) {
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://console.test");
    const answer = answers[url.pathname];
    return answer ? answer(url, init) : jsonResponse(404, { detail: t("search.notFound") });
  });
  const { client } = loggedInClient(userWith(permissions), fetchImpl);
  render(
    <AuthProvider client={client}>
      <MemoryRouter initialEntries={[`/search/${tab}`]}>
        <Routes>
          <Route path="/search/*" element={<SearchPage />} />
        </Routes>
      </MemoryRouter>
    </AuthProvider>,
  );
  const calls = (path: string) =>
    fetchImpl.mock.calls.map(([input]) => new URL(String(input), "http://console.test")).filter((url) => url.pathname === path);
  return { fetchImpl, calls };
}
