import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { fakeServer, fill, personOut, renderPersons, statePurpose } from "./testing";

const page = (persons: ReturnType<typeof personOut>[]) => ({ persons, total: persons.length, limit: 25, offset: 0 });

describe("persons of interest", { timeout: 20_000 }, () => {
  it("lists records with their status and review marker, read for the stated purpose and filters", async () => {
    const server = fakeServer({
      "GET /api/v1/persons": () => jsonResponse(200, page([personOut(), personOut({ id: 8, name: "Bilal", status: "missing", review_due: true, on_watchlists: false })])),
    });
    const user = await renderPersons("/persons?status=proclaimed_offender", server);

    const table = await screen.findByTestId("persons-table");
    const imran = within(table).getByRole("row", { name: /Imran Khan/ });
    expect(imran).toHaveTextContent("Proclaimed offender");
    expect(imran).toHaveTextContent("FIR 123/2026, Model Town");
    expect(within(table).getByRole("row", { name: /Bilal/ })).toHaveTextContent("Review due");
    expect(screen.getByRole("link", { name: "New record" })).toBeInTheDocument();
    const first = server.calls.find((call) => call.path === "/api/v1/persons")!;
    expect(first.url.searchParams.get("purpose")).toBe("Investigation of FIR 12/2026");
    expect(first.url.searchParams.get("status")).toBe("proclaimed_offender");

    await fill(user, screen.getByLabelText("Police station"), "Model Town");
    await user.selectOptions(screen.getByLabelText("Has a vehicle"), "yes");
    await user.click(screen.getByRole("button", { name: "Filter" }));
    const filtered = server.calls.filter((call) => call.path === "/api/v1/persons").at(-1)!;
    expect(filtered.url.searchParams.get("station")).toBe("Model Town");
    expect(filtered.url.searchParams.get("has_vehicle")).toBe("true");
  });

  it("offers no new record to a role that may only read", async () => {
    const server = fakeServer({ "GET /api/v1/persons": () => jsonResponse(200, page([personOut()])) });
    await renderPersons("/persons", server, ["persons.read"]);
    await screen.findByTestId("persons-table");
    expect(screen.queryByRole("link", { name: "New record" })).toBeNull();
  });

  it("shows the server's refusal of a malformed CNIC beside the CNIC field", async () => {
    const server = fakeServer({
      "POST /api/v1/persons": () =>
        jsonResponse(422, { detail: [{ loc: ["body", "cnic"], msg: "Value error, a CNIC has 13 digits, as 35202-1234567-1", type: "value_error" }] }),
    });
    const user = await renderPersons("/persons/new", server);
    await fill(user, await screen.findByLabelText("Name"), "Imran Khan");
    await fill(user, screen.getByLabelText("CNIC"), "35202-123");
    await fill(user, screen.getByLabelText("Legal basis"), "Court order 12/2026");
    await fill(user, screen.getByLabelText("Review date"), "2099-01-01");
    await user.click(screen.getByRole("button", { name: "Create record" }));

    expect(await screen.findByLabelText("CNIC")).toHaveAccessibleDescription(/a CNIC has 13 digits, as 35202-1234567-1/);
    expect(server.calls.find((call) => call.method === "POST")?.json()).toMatchObject({ name: "Imran Khan", cnic: "35202-123", status: "wanted" });
  });

  it("asks why before an edit is sent", async () => {
    const server = fakeServer({ "GET /api/v1/persons/7": () => jsonResponse(200, personOut()) });
    const user = await renderPersons("/persons/7/edit", server);
    await user.click(await screen.findByRole("button", { name: "Save changes" }));
    expect(screen.getByLabelText("Reason for the change")).toHaveAccessibleDescription(/Say why/);
    expect(server.calls.some((call) => call.method === "PATCH")).toBe(false);
  });

  it("shows the timeline's sightings with their footage, and 'registry unavailable' when the registry is down", async () => {
    const vehicle = { id: 3, plate: "LEA-1234", plate_key: "LEA1234", make: "Toyota", colour: "white", note: "", hotlist_entry_id: 9, added_by: "investigator", created_at: "2026-12-01T10:00:00Z" };
    const server = fakeServer({
      "GET /api/v1/persons/7": () => jsonResponse(200, personOut({ vehicles: [vehicle] })),
      "GET /api/v1/persons/7/timeline": () =>
        jsonResponse(200, {
          person_id: 7,
          entries: [
            { at: "2026-12-01T10:00:00Z", kind: "change", title: "Record created", details: { actor: "investigator" } },
            { at: "2026-12-02T09:30:00Z", kind: "hotlist_hit", title: "Hotlist hit: plate LEA-1234 at Kalma Chowk", camera_id: "lhr-kalma-chowk", ref: "e1", details: {} },
          ],
        }),
      "GET /api/v1/registries/vehicles/LEA-1234": () =>
        jsonResponse(503, { detail: "the vehicle registry is unavailable", code: "registry_unavailable" }),
    });
    const user = await renderPersons("/persons/7", server);

    const timeline = await screen.findByTestId("person-timeline");
    const sighting = await within(timeline).findByText(/Hotlist hit: plate LEA-1234 at Kalma Chowk/);
    expect(within(sighting.closest("li")!).getByRole("link", { name: "Footage" })).toHaveAttribute(
      "href",
      expect.stringMatching(/^\/cameras\/lhr-kalma-chowk\/playback\?at=/),
    );
    expect(within(screen.getByTestId("person-history")).getByText("Record created")).toBeInTheDocument();

    const registry = screen.getByTestId("registry-panel");
    await user.click(within(registry).getByRole("button", { name: "Look up LEA-1234 (vehicle registration)" }));
    await statePurpose(user, "Checking the owner for FIR 123/2026");
    expect(await within(registry).findByText(/Registry unavailable/)).toBeInTheDocument();
    expect(screen.getByTestId("person-header")).toHaveTextContent("Imran Khan");
  });

  it("shows why the server refused a photo beside the upload", async () => {
    const server = fakeServer({
      "GET /api/v1/persons/7": () => jsonResponse(200, personOut()),
      "GET /api/v1/persons/7/timeline": () => jsonResponse(200, { person_id: 7, entries: [] }),
      "POST /api/v1/persons/7/photos": () =>
        jsonResponse(422, { detail: [{ loc: ["body", "photo"], msg: "no face found in wall.jpg", type: "value_error" }] }),
    });
    const user = await renderPersons("/persons/7", server);
    const input = await screen.findByLabelText("Photo (JPEG or PNG)");
    await user.upload(input, new File(["jpeg"], "wall.jpg", { type: "image/jpeg" }));
    await user.click(screen.getByRole("button", { name: "Upload photo" }));

    expect(await screen.findByText("no face found in wall.jpg")).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(/no face found in wall.jpg/);
    expect(server.calls.find((call) => call.method === "POST")?.form?.get("photo")).toBeInstanceOf(File);
  });

  it("reveals the CNIC for a purpose of its own, only to roles that may", async () => {
    const routes = {
      "GET /api/v1/persons/7": () => jsonResponse(200, personOut()),
      "GET /api/v1/persons/7/timeline": () => jsonResponse(200, { person_id: 7, entries: [] }),
      "POST /api/v1/persons/7/reveal-cnic": () => jsonResponse(200, { person_id: 7, cnic: "35202-1234567-1" }),
    };
    const server = fakeServer(routes);
    const user = await renderPersons("/persons/7", server);
    const cnic = await screen.findByTestId("person-cnic");
    expect(cnic).toHaveTextContent("35202-*******-1");
    await user.click(within(cnic).getByRole("button", { name: "Reveal CNIC" }));
    await statePurpose(user, "Arrest warrant needs the full CNIC");

    expect(await within(cnic).findByText("35202-1234567-1")).toBeInTheDocument();
    const revealed = server.calls.find((call) => call.path === "/api/v1/persons/7/reveal-cnic")!;
    expect(revealed.url.searchParams.get("purpose")).toBe("Arrest warrant needs the full CNIC");
  });

  it("offers no reveal to a role without persons.reveal_identity", async () => {
    const server = fakeServer({
      "GET /api/v1/persons/7": () => jsonResponse(200, personOut()),
      "GET /api/v1/persons/7/timeline": () => jsonResponse(200, { person_id: 7, entries: [] }),
    });
    await renderPersons("/persons/7", server, ["persons.read"]);
    const cnic = await screen.findByTestId("person-cnic");
    expect(within(cnic).queryByRole("button", { name: "Reveal CNIC" })).toBeNull();
    expect(screen.queryByTestId("registry-panel")).toBeNull();
  });
});
