import { act, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Schemas } from "../../api/schemas";
import { cameraOut } from "../../test/fixtures";
import { answeringFetch, jsonResponse } from "../../test/fakes";
import { renderPage } from "../../test/renderPage";
import { WORKERS_REFRESH_MS, WorkersPanel } from "./WorkersPanel";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function worker(changes: Partial<Schemas["WorkerStatus"]>): Schemas["WorkerStatus"] {
  return {
    id: "w1",
    alive: true,
    capacity: 16,
    load: 3,
    cameras: [],
    address: "10.0.0.5",
    started_at: minutesAgo(60),
    heartbeat_at: new Date().toISOString(),
    stopped_at: null,
    lost_at: null,
    ...changes,
  };
}

/** w1 runs two cameras; w2 went silent five minutes ago and was declared lost, its camera still leased to it. */
const CLUSTER: Schemas["ClusterStatus"] = {
  workers: [
    worker({ id: "w1", load: 3, cameras: ["gate-1", "mall-road"] }),
    worker({ id: "w2", alive: false, load: 1.5, capacity: 8, cameras: ["kalma"], heartbeat_at: minutesAgo(5), lost_at: minutesAgo(4) }),
  ],
  cameras: [
    { id: "gate-1", worker: "w1", epoch: 3, state: "held", expires_at: new Date().toISOString() },
    { id: "kalma", worker: "w2", epoch: 7, state: "orphaned", expires_at: minutesAgo(4) },
    { id: "mall-road", worker: "w1", epoch: 1, state: "held", expires_at: new Date().toISOString() },
  ],
};

/** The panel against a server answering GET /api/v1/cluster with `cluster` (a function: asked at each request). */
function renderPanel(cluster: Schemas["ClusterStatus"] | (() => Schemas["ClusterStatus"]) = CLUSTER) {
  const fetchImpl = answeringFetch({
    "/api/v1/cluster": () => jsonResponse(200, typeof cluster === "function" ? cluster() : cluster),
    "/api/v1/cameras": [cameraOut({ id: "kalma", name: "Kalma Chowk" })],
  });
  renderPage(<WorkersPanel />, { permissions: ["cameras.read", "system.manage"], user: { role: "admin" }, fetch: fetchImpl });
  return fetchImpl;
}

const cellsOf = (row: HTMLElement) => within(row).getAllByRole("cell").map((cell) => cell.textContent);

afterEach(() => {
  vi.useRealTimers();
});

describe("WorkersPanel", () => {
  it("lists each worker with its state in words, load against capacity, cameras and last report", async () => {
    renderPanel();
    const table = await screen.findByRole("table", { name: "Camera workers" });

    const alive = within(table).getByRole("row", { name: /^w1/ });
    expect(cellsOf(alive)).toEqual(["Alive", "3.0 / 16", "2", expect.stringMatching(/^\d+ s ago$/), "10.0.0.5"]);
    const lost = within(table).getByRole("row", { name: /^w2/ });
    expect(cellsOf(lost)).toEqual(["Lost", "1.5 / 8", "1", "5 min ago", "10.0.0.5"]);
  });

  it("lists a camera whose worker is lost first, highlighted as orphaned, and counts it as not watched", async () => {
    renderPanel();
    const leases = await screen.findByRole("table", { name: "Which worker runs each enabled camera" });

    const orphaned = within(leases).getByRole("row", { name: /^Kalma Chowk \(kalma\)/ });
    expect(cellsOf(orphaned)).toEqual(["w2", "7", "Orphaned (its worker stopped reporting)"]);
    expect(orphaned).toHaveClass("row-unwatched");
    const held = within(leases).getByRole("row", { name: /^gate-1/ });
    expect(cellsOf(held)).toEqual(["w1", "3", "Held"]);
    expect(held).not.toHaveClass("row-unwatched");
    const rowHeaders = within(leases).getAllByRole("rowheader").map((header) => header.textContent);
    expect(rowHeaders).toEqual(["Kalma Chowk (kalma)", "gate-1", "mall-road"]);
    expect(screen.getByTestId("workers-summary")).toHaveTextContent(
      "1 of 2 workers alive · 3 cameras · 1 not watched by any worker",
    );
  });

  it("tells a worker stopped on purpose and one merely silent from a lost one, and marks an unheld camera", async () => {
    renderPanel({
      workers: [
        worker({ id: "w3", alive: false, load: 0, cameras: [], stopped_at: minutesAgo(2) }),
        // Lost once, back, and silent again before the monitor caught up: not (yet) lost.
        worker({ id: "w4", alive: false, heartbeat_at: minutesAgo(0.25), lost_at: minutesAgo(10) }),
      ],
      cameras: [{ id: "gate-1", worker: null, epoch: null, state: "unheld", expires_at: null }],
    });
    const workers = await screen.findByRole("table", { name: "Camera workers" });
    expect(within(workers).getByRole("row", { name: /^w3/ })).toHaveTextContent("Stopped");
    expect(within(workers).getByRole("row", { name: /^w4/ })).toHaveTextContent("Silent");
    const unheld = within(screen.getByRole("table", { name: /each enabled camera/ })).getByRole("row", { name: /^gate-1/ });
    expect(unheld).toHaveClass("row-unwatched");
    expect(cellsOf(unheld)).toEqual(["—", "—", "Unheld (no worker runs it)"]);
  });

  it("reloads on its own every few seconds, so a worker going silent shows without a click", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let current: Schemas["ClusterStatus"] = { workers: [worker({ id: "w1" })], cameras: [] };
    renderPanel(() => current);
    const row = within(await screen.findByRole("table", { name: "Camera workers" })).getByRole("row", { name: /^w1/ });
    expect(row).toHaveTextContent("Alive");

    current = { workers: [worker({ id: "w1", alive: false, heartbeat_at: minutesAgo(0.25) })], cameras: [] };
    act(() => {
      vi.advanceTimersByTime(WORKERS_REFRESH_MS);
    });
    expect(await within(row).findByText("Silent")).toBeInTheDocument();
  });
});
