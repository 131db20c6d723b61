/** Test helpers: the search page on a fake server whose answers are chosen per path. */
import { vi } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderPage, requestedUrls } from "../../test/renderPage";
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
  renderPage(<SearchPage />, { permissions, fetch: fetchImpl, path: `/search/${tab}`, route: "/search/*" });
  const calls = (path: string) => requestedUrls(fetchImpl, path);
  return { fetchImpl, calls };
}
