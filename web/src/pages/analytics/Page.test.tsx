import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { answeringFetch } from "../../test/fakes";
import { renderPage, requestedUrls } from "../../test/renderPage";
import { AnalyticsPage } from "./Page";

// jsdom has neither canvas nor layout: the map and chart stand in as labelled regions showing what they got.
vi.mock("./HotspotMap", () => ({
  HotspotMap: ({ cells, recent }: { cells: unknown[]; recent: unknown[] }) => (
    <div role="region" aria-label="Hotspot forecast map">{`${cells.length} cells, ${recent.length} points`}</div>
  ),
}));
vi.mock("./BacktestChart", () => ({
  BacktestChart: ({ models }: { models: unknown[] }) => <div role="img" aria-label={`${models.length} models`} />,
}));

const HOTSPOTS = {
  until: "2026-03-02T00:00:00Z",
  days: 7,
  cell_m: 250,
  model: "self-exciting",
  events_used: 253,
  cells: [
    { lat: 39.1045, lon: -84.4942, score: 2.5 },
    { lat: 39.11, lon: -84.5, score: 0.4 },
  ],
  recent: [{ lat: 39.1045, lon: -84.4942, occurred_at: "2026-02-28T00:00:00Z", kind: "burglary", source: "incident" }],
  top_places: [
    { lat: 39.1045, lon: -84.4942, score: 2.5, last_4_weeks: 9, previous_4_weeks: 4, trend: "up" },
  ],
};

const BACKTEST = {
  area_share: 0.05,
  cell_m: 250,
  models: [
    { model: "self-exciting", pai: 6.1, pai_low: 5.2, pai_high: 7.0, hit_rate: 0.3, weeks: [] },
    { model: "kde", pai: 5.9, pai_low: 5.0, pai_high: 6.8, hit_rate: 0.29, weeks: [] },
  ],
};

const server = () => answeringFetch({ "/api/v1/crime/hotspots": HOTSPOTS, "/api/v1/crime/backtest": BACKTEST });

function renderAnalytics(fetch: ReturnType<typeof server>) {
  renderPage(<AnalyticsPage />, { permissions: ["events.read"], user: { role: "supervisor" }, fetch });
}

describe("AnalyticsPage", () => {
  it("shows the forecast map, the top places with their trend and the backtest per model", async () => {
    renderAnalytics(server());

    expect(await screen.findByRole("region", { name: "Hotspot forecast map" })).toHaveTextContent("2 cells, 1 points");
    const places = screen.getAllByRole("table")[0]!;
    expect(within(places).getByText("▲ up")).toBeInTheDocument();
    expect(within(places).getByText("2.50")).toBeInTheDocument();
    expect(await screen.findByText("6.10 (5.20–7.00)")).toBeInTheDocument();
  });

  it("asks for the chosen crime type, period and model", async () => {
    const fetchImpl = server();
    renderAnalytics(fetchImpl);
    await screen.findByRole("region", { name: "Hotspot forecast map" });

    await userEvent.type(screen.getByLabelText("Crime type"), "robbery");
    await userEvent.selectOptions(screen.getByLabelText("Period"), "28");
    await userEvent.selectOptions(screen.getByLabelText("Model"), "kde");

    const final = requestedUrls(fetchImpl, "/api/v1/crime/hotspots").at(-1)!;
    expect(final.searchParams.get("kind")).toBe("robbery");
    expect(final.searchParams.get("days")).toBe("28");
    expect(final.searchParams.get("model")).toBe("kde");
  });
});
