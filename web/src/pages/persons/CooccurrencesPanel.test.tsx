import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../format/dateTime";
import { jsonResponse } from "../../test/fakes";
import { fakeServer, personOut, renderPersons } from "./testing";

const CO_OCCURRENCES = "/api/v1/persons/7/co-occurrences";

const bilal = {
  kind: "person",
  person_id: 8,
  name: "Bilal Ahmed",
  plate: null,
  count: 3,
  cameras: ["lhr-kalma-chowk", "lhr-liberty"],
  first_at: "2026-12-01T08:00:00Z",
  last_at: "2026-12-02T09:31:00Z",
};
const car = {
  kind: "vehicle",
  person_id: null,
  name: null,
  plate: "LEB-4321",
  count: 1,
  cameras: ["lhr-kalma-chowk"],
  first_at: "2026-12-02T09:29:00Z",
  last_at: "2026-12-02T09:29:00Z",
};

/** The record page of person 7, whose co-occurrences the server answers with `companions` for any window. */
function recordServer(companions: object[]) {
  return fakeServer({
    "GET /api/v1/persons/7": () => jsonResponse(200, personOut()),
    "GET /api/v1/persons/7/timeline": () => jsonResponse(200, { person_id: 7, entries: [] }),
    "GET /api/v1/cameras": () => jsonResponse(200, [{ id: "lhr-kalma-chowk", name: "Kalma Chowk" }]),
    [`GET ${CO_OCCURRENCES}`]: (request) =>
      jsonResponse(200, {
        person_id: 7,
        window_minutes: Number(request.url.searchParams.get("window_minutes") ?? 5),
        since: null,
        cooccurrences: companions,
      }),
  });
}

const cellsOf = (row: HTMLElement) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent);

const coOccurrenceCalls = (server: ReturnType<typeof fakeServer>) => server.calls.filter((call) => call.path === CO_OCCURRENCES);

describe("the record's 'Seen with' panel", { timeout: 20_000 }, () => {
  it("lists the persons (linked to their records) and vehicles seen with the person, with count, cameras and times", async () => {
    const server = recordServer([bilal, car]);
    await renderPersons("/persons/7", server, ["persons.read", "cameras.read"]);

    const table = await screen.findByTestId("person-cooccurrences-table");
    const person = within(table).getByRole("row", { name: /Bilal Ahmed/ });
    expect(within(person).getByRole("link", { name: "Bilal Ahmed" })).toHaveAttribute("href", "/persons/8");
    await within(person).findByText("Kalma Chowk, lhr-liberty");
    expect(cellsOf(person)).toEqual([
      "Bilal Ahmed",
      "Person of interest",
      "3",
      "Kalma Chowk, lhr-liberty",
      formatDateTime("2026-12-01T08:00:00Z"),
      formatDateTime("2026-12-02T09:31:00Z"),
    ]);
    const vehicle = within(table).getByRole("row", { name: /LEB-4321/ });
    expect(cellsOf(vehicle).slice(0, 3)).toEqual(["LEB-4321", "Vehicle", "1"]);
    expect(within(vehicle).queryByRole("link")).toBeNull();

    const first = coOccurrenceCalls(server)[0]!;
    expect(first.url.searchParams.get("window_minutes")).toBe("5");
    expect(first.url.searchParams.get("purpose")).toBe("Investigation of FIR 12/2026");
  });

  it("asks again with the chosen window", async () => {
    const server = recordServer([bilal]);
    const user = await renderPersons("/persons/7", server);
    await screen.findByTestId("person-cooccurrences-table");

    await user.selectOptions(screen.getByLabelText("Seen together within"), "15 minutes");
    await screen.findByRole("table", { name: /within 15 minutes/ });
    expect(coOccurrenceCalls(server).map((call) => call.url.searchParams.get("window_minutes"))).toEqual(["5", "15"]);
    expect(coOccurrenceCalls(server).at(-1)!.url.searchParams.get("purpose")).toBe("Investigation of FIR 12/2026");
  });

  it("says so when nobody and nothing was seen with the person", async () => {
    const server = recordServer([]);
    await renderPersons("/persons/7", server);
    const panel = await screen.findByTestId("person-cooccurrences");
    expect(
      await within(panel).findByText("No other person of interest or vehicle was seen at the same camera within 5 minutes of this person's sightings."),
    ).toBeInTheDocument();
    expect(within(panel).queryByRole("table")).toBeNull();
  });

  it("shows the server's refusal in words", async () => {
    const server = fakeServer({
      "GET /api/v1/persons/7": () => jsonResponse(200, personOut()),
      [`GET ${CO_OCCURRENCES}`]: () => jsonResponse(403, { detail: "persons.read is needed to read co-occurrences" }),
    });
    await renderPersons("/persons/7", server);
    const panel = await screen.findByTestId("person-cooccurrences");
    expect(await within(panel).findByRole("alert")).toHaveTextContent(/persons\.read is needed to read co-occurrences/);
  });
});
