import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fill, jsonResponse, listServer, openAt, STORED } from "../testing";
import type { Hotlist } from "../types";

const hotlistServer = () =>
  listServer<Hotlist>("/api/v1/hotlists", (request, lists) => {
    const body = request.json() as Pick<Hotlist, "name" | "kind" | "description" | "edit_budget" | "active">;
    if (lists.some((l) => l.name === body.name))
      return jsonResponse(409, { detail: `a hotlist named '${body.name}' exists already` });
    return { ...body, id: lists.length + 1, entries: 0, ...STORED };
  });

describe("vehicle hotlists", { timeout: 20_000 }, () => {
  it("opens on the hotlists tab and lists a created hotlist", async () => {
    const server = hotlistServer();
    const user = openAt("/admin/watchlists", server);
    expect(await screen.findByText("No hotlists yet: create the first below.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Vehicle hotlists" })).toHaveAttribute("aria-current", "page");

    await fill(user, screen.getByLabelText("List name"), "stolen-cars");
    await user.selectOptions(screen.getByLabelText("Kind"), "stolen");
    await fill(user, screen.getByLabelText("Description (purpose of the list)"), "Reported stolen in the city");
    await user.click(screen.getByRole("button", { name: "Create hotlist" }));

    expect(await screen.findByText("Created hotlist stolen-cars.")).toBeInTheDocument();
    const row = within(await screen.findByTestId("hotlists-table")).getByRole("row", { name: /stolen-cars/ });
    expect(row).toHaveTextContent("StolenReported stolen in the cityUp to 1 OCR editActive0supervisor");
    expect(within(row).getByRole("link", { name: "stolen-cars" })).toHaveAttribute("href", "/admin/watchlists/vehicles/1");
  });

  it("shows a duplicate name next to the name field", async () => {
    const server = hotlistServer();
    const user = openAt("/admin/watchlists/vehicles", server);
    for (let i = 0; i < 2; i += 1) {
      await fill(user, await screen.findByLabelText("List name"), "wanted");
      await user.click(screen.getByRole("button", { name: "Create hotlist" }));
      await screen.findByRole("button", { name: "Create hotlist" });
    }
    expect(await screen.findByText("a hotlist named 'wanted' exists already")).toBeInTheDocument();
    expect(screen.getByLabelText("List name")).toHaveAccessibleDescription(/exists already/);
  });

  it("checks the match tolerance before sending", async () => {
    const server = hotlistServer();
    const user = openAt("/admin/watchlists/vehicles", server);
    await fill(user, await screen.findByLabelText("List name"), "wide");
    const tolerance = screen.getByLabelText("Match tolerance");
    await fill(user, tolerance, "5");
    await user.click(screen.getByRole("button", { name: "Create hotlist" }));

    expect(tolerance).toHaveAccessibleDescription(/from 0 \(exact plates only\) to 2/);
    expect(server.calls.some((c) => c.method === "POST")).toBe(false);
  });
});
