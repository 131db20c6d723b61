import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderPage, requestedUrls } from "../../test/renderPage";
import { DashboardsPage } from "./Page";
import type { CountSeries, DispatchMetrics, UptimeReport } from "./types";

// jsdom has no canvas: charts are stood in for by their accessible image, patterns fall back to plain
// colours, and the charts' tables carry the numbers under test.
vi.mock("./BarChart", () => ({
  BarChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));
beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

const NOW = new Date(2026, 2, 10, 14, 37, 12);

function countSeries(url: URL, groups: string[], points: CountSeries["points"]): CountSeries {
  const bucket = url.searchParams.get("bucket") === "day" ? "day" : "hour";
  return {
    since: url.searchParams.get("since") ?? "",
    until: url.searchParams.get("until") ?? "",
    bucket,
    bucket_seconds: bucket === "day" ? 86400 : 3600,
    group_by: "severity",
    groups,
    points,
    total: points.reduce((sum, p) => sum + p.count, 0),
  };
}

const UPTIME: UptimeReport = {
  since: "",
  until: "",
  cameras: [
    { camera_id: "c1", name: "Mall Road", observed_seconds: 86400, available_percent: 100, healthy_percent: 100 },
    { camera_id: "c2", name: "Kalma Chowk", observed_seconds: 86400, available_percent: 62.5, healthy_percent: 50 },
  ],
};

const METRICS: DispatchMetrics = { since: "", until: "", group_by: "all", target_fraction: 0.9, groups: {} };

/** A server with two alerts in the first bucket and nothing else. */
function fakeServer(overrides: Record<string, () => Response> = {}) {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), "http://console.test");
    const override = overrides[url.pathname];
    if (override) return override();
    const since = url.searchParams.get("since") ?? "";
    switch (url.pathname) {
      case "/api/v1/dashboards/alerts":
        return jsonResponse(200, countSeries(url, ["critical", "high"], [{ start: since, group: "high", count: 2 }]));
      case "/api/v1/dashboards/incidents":
      case "/api/v1/dashboards/plate-reads":
        return jsonResponse(200, countSeries(url, ["all"], []));
      case "/api/v1/dashboards/camera-uptime":
        return jsonResponse(200, UPTIME);
      case "/api/v1/dispatch/metrics":
        return jsonResponse(200, METRICS);
      default:
        return jsonResponse(404, { detail: "Not Found" });
    }
  });
}

function renderDashboards(fetch: ReturnType<typeof fakeServer>) {
  renderPage(<DashboardsPage now={() => NOW} />, { permissions: ["events.read"], user: { role: "supervisor" }, fetch });
}

describe("DashboardsPage", () => {
  it("shows the last 24 hours by hour, with each chart's numbers in a table", async () => {
    const fetchImpl = fakeServer();
    renderDashboards(fetchImpl);

    const alerts = await screen.findByTestId("dashboard-alerts");
    const table = await within(alerts).findByRole("table");
    const firstHour = within(table).getAllByRole("row")[1];
    expect(firstHour).toBeDefined();
    // Hour starting | Critical | High | Total
    expect(within(firstHour as HTMLElement).getAllByRole("cell").map((c) => c.textContent)).toEqual(["0", "2", "2"]);
    expect(within(table).getAllByRole("row")).toHaveLength(1 + 24 + 1); // header, 24 hours, total
    expect(within(alerts).getByRole("img")).toHaveAccessibleName(/Alerts per hour, by severity/);

    const [request] = requestedUrls(fetchImpl, "/api/v1/dashboards/alerts");
    expect(request?.searchParams.get("bucket")).toBe("hour");
    expect(request?.searchParams.get("since")).toBe(new Date(2026, 2, 9, 15).toISOString());
  });

  it("says so when a window has nothing to chart", async () => {
    renderDashboards(fakeServer());

    const incidents = within(screen.getByTestId("dashboard-incidents"));
    expect(await incidents.findByText("No incidents in this window.")).toHaveAttribute("role", "status");
    const response = within(screen.getByTestId("dashboard-response"));
    expect(await response.findByText("No incidents were dispatched in this window.")).toHaveAttribute("role", "status");
    expect(within(screen.getByTestId("dashboard-incidents")).queryByRole("img")).toBeNull();
  });

  it("lists cameras worst first with their uptime in words", async () => {
    renderDashboards(fakeServer());

    const uptime = await screen.findByTestId("dashboard-uptime");
    const rows = within(await within(uptime).findByRole("table")).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Kalma Chowk62\.5 %50 %/),
      expect.stringMatching(/^Mall Road100 %100 %/),
    ]);
  });

  it("reloads every chart by day when another window is chosen", async () => {
    const fetchImpl = fakeServer();
    renderDashboards(fetchImpl);
    const user = userEvent.setup();
    await screen.findByTestId("dashboard-alerts");

    await user.click(screen.getByRole("radio", { name: "Last 7 days" }));

    expect(screen.getByRole("radio", { name: "Last 7 days" })).toBeChecked();
    await waitFor(() => expect(requestedUrls(fetchImpl, "/api/v1/dashboards/alerts")).toHaveLength(2));
    const latest = requestedUrls(fetchImpl, "/api/v1/dashboards/alerts")[1];
    expect(latest?.searchParams.get("bucket")).toBe("day");
    expect(latest?.searchParams.get("since")).toBe(new Date(2026, 2, 4).toISOString());
    expect(requestedUrls(fetchImpl, "/api/v1/dashboards/camera-uptime").at(-1)?.searchParams.get("since")).toBe(
      new Date(2026, 2, 4).toISOString(),
    );
    expect(await screen.findByRole("heading", { name: "Alerts per day, by severity" })).toBeInTheDocument();
  });

  it("shows the table on screen on request", async () => {
    renderDashboards(fakeServer());
    const user = userEvent.setup();
    const uptime = await screen.findByTestId("dashboard-uptime");
    const toggle = await within(uptime).findByRole("button", { name: "Show table" });

    await user.click(toggle);

    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(toggle).toHaveTextContent("Hide table");
    expect(within(uptime).getByRole("table").closest(".visually-hidden")).toBeNull();
  });

  it("reports a failing chart without hiding the others", async () => {
    renderDashboards(fakeServer({ "/api/v1/dashboards/plate-reads": () => jsonResponse(500, { detail: "database down" }) }));

    expect(await within(screen.getByTestId("dashboard-plate-reads")).findByRole("alert")).toHaveTextContent(
      "Could not load plate read counts: database down",
    );
    expect(await within(screen.getByTestId("dashboard-alerts")).findByRole("table")).toBeInTheDocument();
  });
});
