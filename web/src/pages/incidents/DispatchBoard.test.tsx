import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { act } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { LiveEvent } from "../../api/types";
import { jsonResponse } from "../../test/fakes";
import { renderPage } from "../../test/renderPage";
import { DispatchBoard } from "./DispatchBoard";
import { incidentWith, liveEvent, unitWith } from "./fixtures";

const socket = vi.hoisted(() => ({ onEvent: null as ((event: LiveEvent) => void) | null }));
vi.mock("../../live/useLiveSocket", () => ({
  useLiveSocket: (_topics: readonly string[], onEvent: (event: LiveEvent) => void) => {
    socket.onEvent = onEvent;
    return { state: "connected", attempt: 0, retryInMs: null };
  },
}));

const ON_JOB = unitWith({ id: "p-1", callsign: "P-1", status: "en_route", current_assignment_id: 1, incident_id: 7 });
const FREE = unitWith({ id: "p-2", callsign: "P-2" });

function server(path: string, init?: RequestInit): Response {
  if (path === "/api/v1/units" && init?.method === "POST")
    return jsonResponse(422, {
      detail: [{ loc: ["body", "callsign"], msg: "String should have at most 64 characters", type: "string_too_long" }],
    });
  if (path === "/api/v1/units") return jsonResponse(200, [FREE, ON_JOB]);
  if (path.startsWith("/api/v1/incidents?")) return jsonResponse(200, [incidentWith({ status: "dispatched", title: "Bank robbery" })]);
  if (path === "/api/v1/units/p-1/status" && init?.method === "POST")
    return jsonResponse(409, { detail: "unit 'p-1' changed meanwhile; reload and retry" });
  return jsonResponse(404, { detail: "Not Found" });
}

function renderBoard(permissions = ["events.read", "dispatch.manage"]) {
  const fetchImpl = vi.fn(async (path: string, init?: RequestInit) => server(path, init));
  renderPage(<DispatchBoard />, { permissions, fetch: fetchImpl });
  return fetchImpl;
}

const row = (callsign: string) => screen.getByRole("row", { name: new RegExp(`^${callsign}`) });

describe("the dispatch board", () => {
  beforeEach(() => {
    socket.onEvent = null;
  });

  it("lists every unit with its status, current incident and the allowed status changes", async () => {
    const fetchImpl = renderBoard();
    const busy = within(await screen.findByRole("row", { name: /^P-1/ }));
    expect(busy.getByText("En route")).toBeInTheDocument();
    expect(await busy.findByRole("link", { name: "#7 Bank robbery" })).toHaveAttribute("href", "/incidents/7");
    expect(busy.getAllByRole("button").map((b) => b.textContent)).toEqual(["On scene", "Cleared"]);
    expect(within(row("P-2")).getByText("None")).toBeInTheDocument();
    expect(screen.getByRole("form", { name: "Create unit" })).toBeInTheDocument();
    // The unit names its incident: no incident's details are read to find it.
    expect(fetchImpl.mock.calls.map(([path]) => String(path)).filter((path) => /^\/api\/v1\/incidents\/\d/.test(path))).toEqual([]);
  });

  it("shows another operator's change as it arrives, without asking the server again", async () => {
    const fetchImpl = renderBoard();
    await screen.findByRole("row", { name: /^P-2/ });
    const calls = fetchImpl.mock.calls.length;
    const outOfService = { ...FREE, status: "out_of_service" as const, updated_at: "2025-01-01T11:00:00Z" };
    act(() => socket.onEvent?.(liveEvent("unit.updated", { unit: outOfService, action: "status" })));
    expect(within(row("P-2")).getByTestId("unit-status")).toHaveTextContent("Out of service");
    expect(within(row("P-2")).getByRole("button", { name: "Available: P-2" })).toBeInTheDocument();
    expect(fetchImpl.mock.calls.length).toBe(calls);
  });

  it("explains a refused status change next to that unit's buttons", async () => {
    renderBoard();
    await screen.findByRole("row", { name: /^P-1/ });
    await userEvent.click(screen.getByRole("button", { name: "On scene: P-1" }));
    expect(await within(row("P-1")).findByRole("alert")).toHaveTextContent(
      "P-1 could not become on scene. (unit 'p-1' changed meanwhile; reload and retry)",
    );
  });

  it("shows the server's refusal of a new unit next to the field it names", async () => {
    renderBoard();
    const user = userEvent.setup();
    const form = within(await screen.findByRole("form", { name: "Create unit" }));
    await user.type(form.getByLabelText("Unit id"), "p-9");
    await user.type(form.getByLabelText("Callsign"), "P-9");
    await user.click(form.getByRole("button", { name: "Create unit" }));
    expect(await form.findByText("String should have at most 64 characters")).toBeInTheDocument();
    expect(form.getByLabelText("Callsign")).toHaveAccessibleDescription("String should have at most 64 characters");
    expect(form.getByLabelText("Callsign")).toHaveAttribute("aria-invalid", "true");
  });

  it("shows no status controls or unit form to a role that may not dispatch", async () => {
    renderBoard(["events.read", "incidents.manage"]);
    await screen.findByRole("row", { name: /^P-1/ });
    expect(screen.queryByRole("button", { name: /P-1/ })).toBeNull();
    expect(screen.queryByRole("form", { name: "Create unit" })).toBeNull();
  });
});
