import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderSearch } from "./testing";
import type { PlateRead } from "./types";

function read(id: number, text: string, camera: string, time: string): PlateRead {
  return {
    id,
    event_id: `e${id}`,
    camera_id: camera,
    time,
    text,
    plate_key: text.replace(/-/g, ""),
    series: null,
    year: null,
    number: null,
    format: null,
    matched: true,
    confidence: 0.93,
    direction: null,
    latitude: null,
    longitude: null,
    crop_sha256: null,
    snapshot_sha256: null,
  };
}

const CAMERAS = [{ id: "cam-1", name: "Kalma Chowk", latitude: 31.5, longitude: 74.3, district: "Lahore", enabled: true, health: { state: "online", since: null, fps: 5 } }];
const PERMISSIONS = ["plates.search", "cameras.read"];

async function typePlateAndSearch(plate: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Plate or pattern"), plate);
  await user.click(screen.getByRole("button", { name: "Search plates" }));
  return user;
}

describe("plate search", () => {
  it("runs no search when the purpose prompt is cancelled", async () => {
    const { calls } = renderSearch("plates", PERMISSIONS, {
      "/api/v1/cameras": () => jsonResponse(200, CAMERAS),
      "/api/v1/plates/reads": () => jsonResponse(200, { reads: [], count: 0, limit: 100 }),
    });
    const user = await typePlateAndSearch("LEB*");
    const dialog = await screen.findByRole("dialog", { name: "Purpose of this search" });
    expect(dialog).toHaveTextContent("Plate search: LEB*");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.getByTestId("plate-status")).toHaveTextContent("nothing was searched");
    expect(calls("/api/v1/plates/reads")).toHaveLength(0);
  });

  it("asks for the purpose, sends it with the pattern and lists the reads", async () => {
    const { calls } = renderSearch("plates", PERMISSIONS, {
      "/api/v1/cameras": () => jsonResponse(200, CAMERAS),
      "/api/v1/plates/reads": () =>
        jsonResponse(200, { reads: [read(2, "LEB-06-5700", "cam-1", "2026-05-01T08:30:00Z")], count: 1, limit: 100 }),
    });
    await screen.findByRole("option", { name: "Kalma Chowk (cam-1)" });
    const user = await typePlateAndSearch("LE?-06-57*");
    await user.click(screen.getByLabelText("Include look-alike characters"));
    await user.type(screen.getByLabelText("Purpose (required)"), "Stolen car complaint");
    await user.type(screen.getByLabelText("Case reference (optional)"), "FIR 9");
    await user.click(screen.getByRole("button", { name: "Continue" }));

    const table = await screen.findByTestId("plate-results");
    expect(within(table).getByRole("rowheader", { name: "LEB-06-5700" })).toBeInTheDocument();
    expect(within(table).getByText("Kalma Chowk")).toBeInTheDocument();
    expect(within(table).getByText("93 %")).toBeInTheDocument();
    expect(screen.getByTestId("plate-status")).toHaveTextContent("1 plate read found.");
    const sent = calls("/api/v1/plates/reads")[0]?.searchParams;
    expect(sent?.get("plate")).toBe("LE?-06-57*");
    expect(sent?.get("purpose")).toBe("Stolen car complaint");
    expect(sent?.get("case_ref")).toBe("FIR 9");
  });

  it("checks the pattern before asking for a purpose", async () => {
    const { calls } = renderSearch("plates", PERMISSIONS, { "/api/v1/cameras": () => jsonResponse(200, CAMERAS) });
    await typePlateAndSearch("*5*");
    expect(screen.getByLabelText("Plate or pattern")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("alert")).toHaveTextContent("at least 3");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(calls("/api/v1/plates/reads")).toHaveLength(0);
  });

  it("shows the server's refusal of the pattern next to the plate field", async () => {
    renderSearch("plates", PERMISSIONS, {
      "/api/v1/cameras": () => jsonResponse(200, CAMERAS),
      "/api/v1/plates/reads": () =>
        jsonResponse(422, { detail: [{ loc: ["query", "plate"], msg: "a plate pattern needs at least 3 letters or digits" }] }),
    });
    const user = await typePlateAndSearch("LEB*");
    await user.type(screen.getByLabelText("Purpose (required)"), "Stolen car complaint");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByText("a plate pattern needs at least 3 letters or digits")).toHaveAttribute("id", "plate-pattern-error");
  });

  it("pages through many reads, 25 at a time", async () => {
    const reads = Array.from({ length: 30 }, (_, i) => read(i + 1, `LEB-${1000 + i}`, "cam-1", "2026-05-01T08:00:00Z"));
    renderSearch("plates", PERMISSIONS, {
      "/api/v1/cameras": () => jsonResponse(200, CAMERAS),
      "/api/v1/plates/reads": () => jsonResponse(200, { reads, count: 30, limit: 100 }),
    });
    const user = await typePlateAndSearch("LEB*");
    await user.type(screen.getByLabelText("Purpose (required)"), "Stolen car complaint");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const table = await screen.findByTestId("plate-results");
    expect(within(table).getAllByRole("row")).toHaveLength(26);
    await user.click(screen.getByRole("button", { name: "Next page" }));
    expect(within(table).getAllByRole("row")).toHaveLength(6);
    expect(screen.getByText("Page 2 of 2 (25 a page)")).toBeInTheDocument();
  });
});
