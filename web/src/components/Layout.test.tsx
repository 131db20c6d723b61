import { fireEvent, screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { homePath, landingPath, navEntries, Permission, visibleNav } from "../auth/permissions";
import { renderPage } from "../test/renderPage";
import { Layout } from "./Layout";

const OPERATOR = ["alerts.act", "cameras.read", "dispatch.manage", "events.read", "incidents.manage"];
const AUDITOR = ["audit.read"];
const ADMIN = Object.values(Permission).filter((p) => p !== Permission.AUDIT_READ);

function navLabels(permissions: string[]): string[] {
  renderPage(
    <Routes>
      <Route element={<Layout />}>
        <Route path="*" element={<p>page</p>} />
      </Route>
    </Routes>,
    { permissions, path: "/live" },
  );
  const nav = screen.getByRole("navigation", { name: "Main" });
  // Top-level entries: links, and menu buttons as "Label: item, item" once opened.
  return within(nav)
    .getAllByRole("listitem")
    .filter((item) => item.parentElement?.classList.contains("nav"))
    .map((item) => {
      const button = within(item).queryByRole("button");
      if (!button) return item.textContent ?? "";
      fireEvent.click(button);
      const links = within(item).getAllByRole("link").map((link) => link.textContent ?? "");
      fireEvent.click(button);
      return `${(button.textContent ?? "").replace("▾", "").trim()}: ${links.join(", ")}`;
    });
}

describe("navigation by permission", () => {
  it("shows an operator the control-room pages only", () => {
    expect(navLabels(OPERATOR)).toEqual(["Live", "Alerts", "Incidents", "Desks: Panic alerts, Unit view", "Analysis: Dashboards, Crime analytics, City data"]);
  });

  it("shows an auditor the audit log only", () => {
    expect(navLabels(AUDITOR)).toEqual(["Audit log"]);
  });

  it("shows an administrator every page but the audit log", () => {
    expect(navLabels(ADMIN)).toEqual([
      "Live",
      "Alerts",
      "Incidents",
      "Desks: Helpline, Panic alerts, Citizen reports, Unit view",
      "Search",
      "E-challan",
      "Evidence",
      "Analysis: Dashboards, Crime analytics, City data, Persons of interest",
      "Admin: Cameras, Watchlists, Retention, Users, System health",
    ]);
  });

  it("marks the current page and offers a skip link", () => {
    navLabels(OPERATOR);
    expect(screen.getByRole("link", { name: "Live" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("link", { name: "Skip to content" })).toHaveAttribute("href", "#main");
  });

  it("gathers a group into one menu only when the role sees two or more of its pages", () => {
    expect(navEntries(visibleNav(["calls.take", "events.read"])).map((e) => (e.kind === "link" ? e.item.label : e.group))).toEqual([
      "Live",
      "Helpline",
      "analysis",
    ]);
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
