import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { fakeServer, fill, INVESTIGATOR, personOut, renderPersons } from "./testing";

const SUPERVISOR = [...INVESTIGATOR, "persons.renew"];

function mergeServer() {
  const survivor = personOut();
  const duplicate = personOut({ id: 9, name: "Imran Khan Niazi", aliases: [], firs: [{ number: "77/2025", police_station: "Gulberg" }] });
  return fakeServer({
    "GET /api/v1/persons/7": () => jsonResponse(200, survivor),
    "GET /api/v1/persons/9": () => jsonResponse(200, duplicate),
    "GET /api/v1/persons/7/timeline": () => jsonResponse(200, { person_id: 7, entries: [] }),
    "GET /api/v1/persons/7/duplicates": () =>
      jsonResponse(200, {
        person_id: 7,
        candidates: [{ person_id: 9, name: "Imran Khan Niazi", father_name: "Akbar Khan", status: "proclaimed_offender", reasons: ["same_cnic"] }],
      }),
    "POST /api/v1/persons/7/merge": () => jsonResponse(200, { survivor_id: 7, merged_id: 9, moved: { firs: 1 } }),
  });
}

describe("merging a duplicate record", { timeout: 20_000 }, () => {
  it("picks the duplicate, shows both side by side and merges it with the reason", async () => {
    const server = mergeServer();
    const user = await renderPersons("/persons/7/merge", server, SUPERVISOR);

    await user.click(await screen.findByRole("radio", { name: /Imran Khan Niazi \(record 9\).*same CNIC/ }));
    const comparison = await screen.findByTestId("merge-comparison");
    const firs = within(comparison).getByRole("row", { name: /FIRs/ });
    expect(firs).toHaveTextContent("FIR 123/2026, Model Town");
    expect(firs).toHaveTextContent("FIR 77/2025, Gulberg");

    const merge = screen.getByRole("button", { name: "Merge Imran Khan Niazi into Imran Khan" });
    await user.click(merge);
    expect(screen.getByLabelText("Why they are one person")).toHaveAccessibleDescription(/Say why/);
    expect(server.calls.some((call) => call.method === "POST")).toBe(false);

    await fill(user, screen.getByLabelText("Why they are one person"), "same CNIC, same FIR history");
    await user.click(merge);
    expect(await screen.findByText("Merged Imran Khan Niazi into Imran Khan.")).toBeInTheDocument();
    expect(server.calls.find((call) => call.method === "POST")?.json()).toEqual({ other_id: 9, reason: "same CNIC, same FIR history" });
  });

  it("offers the merge only to roles that may renew (supervisors)", async () => {
    const server = mergeServer();
    await renderPersons("/persons/7", server, INVESTIGATOR);
    await screen.findByTestId("person-header");
    expect(screen.queryByRole("link", { name: "Duplicates and merge" })).toBeNull();
  });
});
