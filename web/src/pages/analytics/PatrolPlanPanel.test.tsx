import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { answeringFetch, jsonResponse } from "../../test/fakes";
import { renderPage } from "../../test/renderPage";
import { PatrolPlanPanel } from "./PatrolPlanPanel";

const PLAN = {
  start: "2026-03-02T06:00:00Z",
  hours: 8,
  kind: null,
  model: "self-exciting",
  cell_m: 250,
  events_used: 240,
  units_considered: 2,
  expected_total: 2.4,
  risk_per_unit_hour: 0.05,
  covered_share: 0.3,
  patrols: [
    { unit_id: "p1", callsign: "Alpha 1", lat: 39.1045, lon: -84.4942, travel_s: 430, risk: 0.52, covered_risk: 0.5 },
    { unit_id: "d1", callsign: "Dolphin 7", lat: 39.12, lon: -84.47, travel_s: 250, risk: 0.3, covered_risk: 0.29 },
  ],
};

function renderPanel() {
  const fetchImpl = answeringFetch({
    "/api/v1/crime/patrol-plan": (url: URL) => jsonResponse(200, { ...PLAN, hours: Number(url.searchParams.get("hours")) }),
    "/api/v1/crime/patrol-plan/pdf": () =>
      new Response(new Blob(["%PDF-1.4"]), { status: 200, headers: { "Content-Type": "application/pdf" } }),
  });
  renderPage(<PatrolPlanPanel />, { permissions: ["events.read"], user: { role: "supervisor" }, fetch: fetchImpl });
  return fetchImpl;
}

const paths = (fetchImpl: ReturnType<typeof renderPanel>) =>
  fetchImpl.mock.calls.map(([input]) => new URL(String(input), "http://console.test"));

describe("PatrolPlanPanel", () => {
  it("lists each unit's patrol cell, travel time and covered risk, and asks for the chosen shift", async () => {
    const fetchImpl = renderPanel();

    const table = await screen.findByTestId("patrol-plan");
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText("Alpha 1")).toBeInTheDocument();
    expect(within(rows[1]!).getByText("7 min")).toBeInTheDocument();
    expect(within(rows[1]!).getByText("39.1045, -84.4942")).toBeInTheDocument();
    expect(screen.getByText(/2 of 2 available police units planned from 240 events; they cover 30.0 %/)).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText("Shift"), "12");
    await waitFor(() => expect(paths(fetchImpl).at(-1)!.searchParams.get("hours")).toBe("12"));
  });

  it("downloads the same plan as a PDF", async () => {
    Object.assign(URL, { createObjectURL: vi.fn(() => "blob:plan"), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const fetchImpl = renderPanel();
    await screen.findByTestId("patrol-plan");

    await userEvent.click(screen.getByRole("button", { name: "Download PDF" }));

    await waitFor(() => expect(click).toHaveBeenCalled());
    const pdf = paths(fetchImpl).find((url) => url.pathname.endsWith("/pdf"))!;
    expect(pdf.searchParams.get("hours")).toBe("8");
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe("patrol-plan.pdf");
    click.mockRestore();
  });
});
