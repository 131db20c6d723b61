import { render, screen, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { AuthProvider } from "../auth/AuthContext";
import { homePath, landingPath, Permission, visibleNav } from "../auth/permissions";
import { loggedInClient, userWith } from "../test/fakes";
import { Layout } from "./Layout";

const OPERATOR = ["alerts.act", "cameras.read", "dispatch.manage", "events.read", "incidents.manage"];
const AUDITOR = ["audit.read"];
const ADMIN = Object.values(Permission).filter((p) => p !== Permission.AUDIT_READ);

function navLabels(permissions: string[]): string[] {
  const { client } = loggedInClient(userWith(permissions));
  render(
    <AuthProvider client={client}>
      <MemoryRouter initialEntries={["/live"]}>
        <Routes>
          <Route element={<Layout />}>
            <Route path="*" element={<p>page</p>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </AuthProvider>,
  );
  const nav = screen.getByRole("navigation", { name: "Main" });
  return within(nav)
    .getAllByRole("link")
    .map((link) => link.textContent ?? "");
}

describe("navigation by permission", () => {
  it("shows an operator the control-room pages only", () => {
    expect(navLabels(OPERATOR)).toEqual(["Live", "Alerts", "Incidents", "Dashboards", "Crime analytics"]);
  });

  it("shows an auditor the audit log only", () => {
    expect(navLabels(AUDITOR)).toEqual(["Audit log"]);
  });

  it("shows an administrator every page but the audit log", () => {
    expect(navLabels(ADMIN)).toEqual([
      "Live",
      "Alerts",
      "Incidents",
      "Search",
      "E-challan",
      "Evidence",
      "Dashboards",
      "Crime analytics",
      "Cameras",
      "Watchlists",
      "Retention",
      "Users",
      "System health",
    ]);
  });

  it("marks the current page and offers a skip link", () => {
    navLabels(OPERATOR);
    expect(screen.getByRole("link", { name: "Live" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("link", { name: "Skip to content" })).toHaveAttribute("href", "#main");
  });

  it("lands each role on its first page", () => {
    expect(homePath(OPERATOR)).toBe("/live");
    expect(homePath(AUDITOR)).toBe("/audit");
    expect(homePath([])).toBeNull();
    expect(visibleNav(["users.manage"]).map((i) => i.path)).toEqual(["/admin/users"]);
  });

  it("returns to the previous page after login only when the new user may open it", () => {
    expect(landingPath("/system", AUDITOR)).toBe("/audit");
    expect(landingPath("/system", ADMIN)).toBe("/system");
    expect(landingPath("/admin/users/bob", ADMIN)).toBe("/admin/users/bob");
    expect(landingPath("/administrator", ADMIN)).toBe("/live");
    expect(landingPath(undefined, OPERATOR)).toBe("/live");
    expect(landingPath("/live", [])).toBe("/");
  });
});
