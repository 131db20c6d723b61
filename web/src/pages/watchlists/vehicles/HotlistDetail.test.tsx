import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeServer, fill, jsonResponse, openAt, STORED, type FakeRequest } from "../testing";
import type { Hotlist, HotlistEntry } from "../types";

const LIST = "/api/v1/hotlists/7";

function entry(id: number, plate: string, key: string, reason = "stolen"): HotlistEntry {
  return {
    id,
    hotlist_id: 7,
    plate,
    plate_key: key,
    reason,
    case_ref: "",
    vehicle: "",
    expires_at: null,
    expired: false,
    added_by: "supervisor",
    created_at: "2025-01-01T00:00:00Z",
    updated_at: "2025-01-01T00:00:00Z",
  };
}

const importReport = () =>
  jsonResponse(200, {
    created: 1,
    updated: 0,
    failed: 1,
    errors: [{ line: 3, message: "plate: Value error, hotlist plates cannot contain wildcards" }],
  });

/** A hotlist server that keeps its entries, so the page's reloads show what changed. */
function hotlistServer(initial: HotlistEntry[] = [], importAnswer: () => Response = importReport) {
  const entries = [...initial];
  const hotlist = (): Hotlist => ({
    id: 7,
    name: "stolen-cars",
    kind: "stolen",
    description: "Reported stolen",
    edit_budget: 1,
    active: true,
    entries: entries.length,
    ...STORED,
  });
  const server = fakeServer({
    [`GET ${LIST}`]: () => jsonResponse(200, hotlist()),
    [`GET ${LIST}/entries`]: () => jsonResponse(200, entries),
    [`POST ${LIST}/entries`]: (request: FakeRequest) => {
      const body = request.json() as { plate: string; reason: string };
      if (body.plate.includes("!"))
        return jsonResponse(422, {
          detail: [{ loc: ["body", "plate"], msg: "Value error, the plate has an unknown character" }],
        });
      const added = entry(entries.length + 100, body.plate.toUpperCase(), body.plate.replace(/\W/g, ""), body.reason);
      entries.push(added);
      return jsonResponse(201, added);
    },
    [`PATCH ${LIST}/entries/1`]: (request: FakeRequest) => {
      const changed = { ...entries[0], ...(request.json() as Partial<HotlistEntry>) } as HotlistEntry;
      entries[0] = changed;
      return jsonResponse(200, changed);
    },
    [`DELETE ${LIST}/entries/1`]: () => {
      entries.splice(0, 1);
      return new Response(null, { status: 204 });
    },
    [`POST ${LIST}/import`]: importAnswer,
    [`DELETE ${LIST}`]: () => new Response(null, { status: 204 }),
    "GET /api/v1/hotlists": () => jsonResponse(200, []),
    "GET /api/v1/plates/key": (request: FakeRequest) => plateKeyAnswer(request.url.searchParams.get("plate") ?? ""),
  });
  return server;
}

/** The server's readings of the plates these tests type (the rules themselves are the server's). */
const PLATE_KEYS: Record<string, { plate: string; key: string; year: string | null }> = {
  "leb 06 5700": { plate: "LEB 06 5700", key: "LEB5700", year: "06" },
  "LEB 5700": { plate: "LEB 5700", key: "LEB5700", year: null },
  "AVV-584": { plate: "AVV-584", key: "AVV584", year: null },
  "LEB!5700": { plate: "LEB!5700", key: "LEB5700", year: null },
};

function plateKeyAnswer(plate: string): Response {
  const known = PLATE_KEYS[plate];
  if (known) return jsonResponse(200, known);
  return jsonResponse(422, {
    detail: [{ loc: ["query", "plate"], msg: "hotlist plates cannot contain wildcards", type: "value_error" }],
  });
}

/** The hotlist's page, once it has loaded from `server`; returns the user at the keyboard. */
async function showList(server: ReturnType<typeof fakeServer>) {
  const user = openAt("/admin/watchlists/vehicles/7", server);
  await screen.findByRole("heading", { name: "Hotlist stolen-cars" });
  return user;
}

describe("a hotlist's entries", { timeout: 20_000 }, () => {
  it("previews how a plate is matched, adds it and shows it in the list", async () => {
    const server = hotlistServer();
    const user = await showList(server);
    await fill(user, screen.getByLabelText("Plate"), "leb 06 5700");
    expect(await screen.findByText(/matched on/)).toHaveTextContent(
      "Saved as LEB 06 5700; matched on LEB5700 (the year 06 is not compared).",
    );
    await fill(user, screen.getByLabelText("Reason"), "stolen on Monday");
    await user.click(screen.getByRole("button", { name: "Add plate" }));

    expect(await screen.findByText("Added LEB 06 5700.")).toBeInTheDocument();
    const table = await screen.findByTestId("entries-table");
    expect(within(table).getByRole("rowheader", { name: "LEB 06 5700" })).toBeInTheDocument();
    expect(server.calls.find((c) => c.method === "POST")?.json()).toEqual({
      plate: "leb 06 5700",
      reason: "stolen on Monday",
      case_ref: "",
      vehicle: "",
      expires_at: null,
    });
  });

  it("refuses an expiry in the past before asking the server", async () => {
    const server = hotlistServer();
    const user = await showList(server);
    await fill(user, screen.getByLabelText("Plate"), "AVV-584");
    await fill(user, screen.getByLabelText("Reason"), "wanted");
    fireEvent.change(screen.getByLabelText("Expires (optional)"), { target: { value: "2000-01-01" } });
    await user.click(screen.getByRole("button", { name: "Add plate" }));

    expect(screen.getByLabelText("Expires (optional)")).toHaveAccessibleDescription(/today or later/);
    expect(screen.getByLabelText("Expires (optional)")).toHaveAttribute("aria-invalid", "true");
    expect(server.calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("shows the server's refusal next to the plate field", async () => {
    const server = hotlistServer();
    const user = await showList(server);
    await fill(user, screen.getByLabelText("Plate"), "LEB!5700");
    await fill(user, screen.getByLabelText("Reason"), "wanted");
    await user.click(screen.getByRole("button", { name: "Add plate" }));

    expect(await screen.findByText("the plate has an unknown character")).toBeInTheDocument();
    expect(screen.getByLabelText("Plate")).toHaveAccessibleDescription(/the plate has an unknown character/);
  });

  it("previews the server's refusal of a plate before saving", async () => {
    const server = hotlistServer();
    await fill(await showList(server), screen.getByLabelText("Plate"), "LEB*");
    expect(await screen.findByText("Cannot be saved: hotlist plates cannot contain wildcards.")).toBeInTheDocument();
    expect(screen.getByLabelText("Plate")).toHaveAccessibleDescription(/cannot contain wildcards/);
    const asked = server.calls.filter((c) => c.path === "/api/v1/plates/key");
    expect(asked.map((c) => c.url.searchParams.get("plate"))).toEqual(["LEB*"]); // once, after the typing stopped
  });

  it("says when a plate is already on the list", async () => {
    const user = await showList(hotlistServer([entry(1, "LEB-06-5700", "LEB5700")]));
    await fill(user, screen.getByLabelText("Plate"), "LEB 5700");
    expect(await screen.findByText(/Already on this list as LEB-06-5700: saving updates that entry/)).toBeInTheDocument();
  });

  it("edits an entry's reason, sending only what changed", async () => {
    const server = hotlistServer([entry(1, "LEB-06-5700", "LEB5700")]);
    const user = await showList(server);
    await user.click(await screen.findByRole("button", { name: "Edit LEB-06-5700" }));
    const reason = screen.getByRole("form", { name: "Edit entry LEB-06-5700" });
    const field = within(reason).getByLabelText("Reason");
    await fill(user, field, "recovered, keep watching");
    await user.click(within(reason).getByRole("button", { name: "Save entry" }));

    expect(await screen.findByText("recovered, keep watching")).toBeInTheDocument();
    expect(server.calls.find((c) => c.method === "PATCH")?.json()).toEqual({ reason: "recovered, keep watching" });
  });

  it("removes an entry after a second confirmation", async () => {
    const user = await showList(hotlistServer([entry(1, "LEB-06-5700", "LEB5700")]));
    await user.click(await screen.findByRole("button", { name: "Remove LEB-06-5700" }));
    await user.click(screen.getByRole("button", { name: "Remove" }));

    expect(await screen.findByText("Removed LEB-06-5700 from stolen-cars.")).toBeInTheDocument();
    expect(await screen.findByText("No plates on this list yet.")).toBeInTheDocument();
  });
});

describe("deleting a hotlist", { timeout: 20_000 }, () => {
  it("asks first, then returns to the hotlists and says what was deleted", async () => {
    const server = hotlistServer([entry(1, "LEB-06-5700", "LEB5700")]);
    const user = await showList(server);
    await user.click(screen.getByRole("button", { name: "Delete hotlist" }));
    expect(screen.getByRole("group", { name: "Delete stolen-cars and its 1 plate?" })).toBeInTheDocument();
    expect(server.calls.some((c) => c.method === "DELETE")).toBe(false);
    await user.click(screen.getByRole("button", { name: "Delete hotlist" }));

    expect(await screen.findByText("Deleted hotlist stolen-cars and its 1 plate.")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Vehicle hotlists" })).toBeInTheDocument();
  });
});

describe("CSV import", { timeout: 20_000 }, () => {
  it("lists every row of the file with its result, rejected rows with the server's reason", async () => {
    const server = hotlistServer();
    const user = await showList(server);
    const csv = new File(["plate,reason\nLEB-06-5700,stolen\nLEB*,bad\n"], "plates.csv", { type: "text/csv" });
    await user.upload(screen.getByLabelText("CSV file"), csv);
    await user.click(screen.getByRole("button", { name: "Import CSV" }));

    expect(await screen.findByText("Imported plates.csv: 1 added, 0 updated, 1 rejected.")).toBeInTheDocument();
    const rows = within(screen.getByRole("table", { name: "Every row of plates.csv" })).getAllByRole("row");
    expect(rows.map((row) => row.textContent)).toEqual([
      "LinePlateResult",
      "2LEB-06-5700✓ Imported",
      "3LEB*✗ Rejected: plate: hotlist plates cannot contain wildcards",
    ]);
    expect(server.calls.find((c) => c.path.endsWith("/import"))?.form?.get("file")).toBeInstanceOf(File);
  });

  it("shows a refused file's reason next to the file input", async () => {
    const refused = () =>
      jsonResponse(422, { detail: [{ loc: ["body", "file"], msg: "line 1: the header lacks the column(s) plate" }] });
    const user = await showList(hotlistServer([], refused));
    await user.upload(screen.getByLabelText("CSV file"), new File(["number\n1\n"], "bad.csv", { type: "text/csv" }));
    await user.click(screen.getByRole("button", { name: "Import CSV" }));

    expect(await screen.findByText("line 1: the header lacks the column(s) plate")).toBeInTheDocument();
    expect(screen.getByLabelText("CSV file")).toHaveAccessibleDescription(/the header lacks/);
  });
});
