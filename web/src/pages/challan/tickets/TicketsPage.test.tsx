import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { jsonResponse } from "../../../test/fakes";
import { fakeChallanServer } from "../fakeServer";
import { renderChallan } from "../renderChallan";
import { aTicket } from "../testData";

describe("the tickets list", { timeout: 20_000 }, () => {
  it("asks for the tickets again with the status and plate only when the filters are applied", async () => {
    const server = fakeChallanServer([], ({ path }) =>
      path === "/api/v1/challan/tickets" ? jsonResponse(200, [aTicket()]) : undefined,
    );
    const user = userEvent.setup();
    renderChallan("/challan/tickets", server.fetchImpl);
    expect(await screen.findByTestId("tickets-table")).toBeInTheDocument();
    const asked = () => server.requests.filter((r) => r.path === "/api/v1/challan/tickets");
    expect(asked()).toHaveLength(1);

    const filters = within(screen.getByRole("form", { name: "Ticket filters" }));
    await user.selectOptions(filters.getByLabelText("Status"), "paid");
    await user.type(filters.getByLabelText("Plate"), " LEA-1234 ");
    expect(asked()).toHaveLength(1);
    await user.click(filters.getByRole("button", { name: "Apply filters" }));
    await waitFor(() => expect(asked()).toHaveLength(2));
    expect(asked()[1]?.query.get("status")).toBe("paid");
    expect(asked()[1]?.query.get("plate")).toBe("LEA-1234");
  });
});
