import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { jsonResponse } from "../../../test/fakes";
import { fakeChallanServer } from "../fakeServer";
import { renderChallan } from "../renderChallan";
import { aViolation } from "../testData";

const oldest = aViolation({ id: "v1", plate: "LEA-1111", occurred_at: "2025-03-01T10:00:00Z" });
const middle = aViolation({ id: "v2", plate: "LEB-2222", violation_type: "speeding", signal_phase: null, measured_kmh: 92, limit_kmh: 60 });
const newest = aViolation({ id: "v3", plate: "LEC-3333", occurred_at: "2025-03-01T10:05:00Z" });

const openTitle = () => screen.findByRole("heading", { level: 2, name: /·/ });

describe("the validation queue", { timeout: 20_000 }, () => {
  it("lists pending violations oldest first with what was read and measured", async () => {
    const server = fakeChallanServer([oldest, middle]);
    renderChallan("/challan", server.fetchImpl);
    const table = await screen.findByTestId("challan-queue");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getByRole("rowheader").textContent)).toEqual(["Red light", "Speeding"]);
    expect(rows[1]).toHaveTextContent("92 km/h in a 60 km/h limit");
    expect(rows[0]).toHaveTextContent("LEA-1111 (93% confidence)");
    const list = server.requests.find((r) => r.path === "/api/v1/challan/violations");
    expect(list?.query.get("queue")).toBe("validation");
    expect(list?.query.get("status")).toBe("pending");
    expect(screen.getByText("2 pending violations.")).toBeInTheDocument();
  });

  it("opens the next violation after an acceptance and says which ticket was issued", async () => {
    const server = fakeChallanServer([oldest, middle, newest]);
    renderChallan("/challan/violations/v1", server.fetchImpl);
    expect(await openTitle()).toHaveTextContent("Red light · LEA-1111");
    await userEvent.click(await screen.findByRole("button", { name: "Accept" }));

    expect(await screen.findByRole("heading", { level: 2, name: "Speeding · LEB-2222" })).toBeInTheDocument();
    expect(server.decisions()).toHaveLength(1);
    expect(server.decisions()[0]?.body).toEqual({ decision: "accept" });
    const notice = screen.getByTestId("queue-notice");
    expect(notice).toHaveTextContent("Accepted: ticket EC250301-V1XXXXXX issued.");
    expect(within(notice).getByRole("link", { name: "Open ticket EC250301-V1XXXXXX" })).toHaveAttribute(
      "href",
      "/challan/tickets/EC250301-V1XXXXXX",
    );
    expect(screen.getByText(/1 of 2/)).toBeInTheDocument();
  });

  it("rejects only with a reason, then moves on; the last decision empties the queue", async () => {
    const server = fakeChallanServer([oldest]);
    const user = userEvent.setup();
    renderChallan("/challan/violations/v1", server.fetchImpl);
    await openTitle();
    await user.click(screen.getByRole("button", { name: "Reject" }));
    expect(await screen.findByText("Choose the reason for rejecting.")).toBeInTheDocument();
    expect(screen.getByLabelText("Rejection reason (required to reject)")).toHaveFocus();
    expect(server.decisions()).toHaveLength(0);

    await user.selectOptions(screen.getByLabelText("Rejection reason (required to reject)"), "Plate misread");
    await user.type(screen.getByLabelText("Note (optional)"), "plate obscured by mud");
    await user.click(screen.getByRole("button", { name: "Reject" }));
    expect(await screen.findByText("No pending violations. The queue is empty.")).toBeInTheDocument();
    expect(server.decisions()[0]?.body).toEqual({ decision: "reject", reason: "misread_plate", note: "plate obscured by mud" });
    expect(screen.getByTestId("queue-notice")).toHaveTextContent("Rejected: Plate misread.");
  });

  it("sends a corrected plate and shows the server's plate error beside the plate field", async () => {
    const server = fakeChallanServer([oldest]);
    server.onDecide(() => jsonResponse(400, { detail: "plate: 'ZZ' is not a plate" }));
    const user = userEvent.setup();
    renderChallan("/challan/violations/v1", server.fetchImpl);
    await openTitle();
    await user.type(screen.getByLabelText("Correct the plate (optional)"), "ZZ");
    await user.click(screen.getByRole("button", { name: "Accept" }));
    const plate = screen.getByLabelText("Correct the plate (optional)");
    await waitFor(() => expect(plate).toHaveAccessibleDescription("Not accepted: plate: 'ZZ' is not a plate"));
    expect(server.decisions()[0]?.body).toEqual({ decision: "accept", plate: "ZZ" });
  });

  it("says in words when another officer decided first, and refreshes the queue", async () => {
    const server = fakeChallanServer([oldest, middle]);
    server.onDecide(() => jsonResponse(409, { detail: "violation v1 is already rejected" }));
    renderChallan("/challan/violations/v1", server.fetchImpl);
    await openTitle();
    const listLoads = () => server.requests.filter((r) => r.path === "/api/v1/challan/violations").length;
    const before = listLoads();
    await userEvent.click(screen.getByRole("button", { name: "Accept" }));
    expect(await screen.findByTestId("decision-error")).toHaveTextContent("Conflict: violation v1 is already rejected");
    await waitFor(() => expect(listLoads()).toBe(before + 1));
  });

  it("works from the keyboard: a accepts, n skips, and keys typed into a field are just text", async () => {
    const server = fakeChallanServer([oldest, middle, newest]);
    const user = userEvent.setup();
    renderChallan("/challan", server.fetchImpl);
    await screen.findByTestId("challan-queue");
    await user.keyboard("n");
    expect(await openTitle()).toHaveTextContent("LEA-1111");

    await user.click(screen.getByLabelText("Correct the plate (optional)"));
    await user.keyboard("an");
    expect(screen.getByLabelText("Correct the plate (optional)")).toHaveValue("an");
    expect(server.decisions()).toHaveLength(0);
    await user.clear(screen.getByLabelText("Correct the plate (optional)"));

    (document.activeElement as HTMLElement).blur();
    await user.keyboard("n");
    expect(await screen.findByRole("heading", { level: 2, name: "Speeding · LEB-2222" })).toBeInTheDocument();
    await user.keyboard("a");
    expect(await screen.findByRole("heading", { level: 2, name: "Red light · LEC-3333" })).toBeInTheDocument();
    expect(server.decisions().map((d) => d.path)).toEqual(["/api/v1/challan/violations/v2/decision"]);
    expect(screen.getByText("Next violation")).toBeInTheDocument(); // the keys are documented on screen
  });

  it("lets a reader without challan.validate look but not decide", async () => {
    const server = fakeChallanServer([oldest]);
    renderChallan("/challan/violations/v1", server.fetchImpl, ["challan.read", "events.read"]);
    await openTitle();
    expect(screen.queryByRole("button", { name: "Accept" })).not.toBeInTheDocument();
    expect(screen.getByText(/deciding needs the challan.validate permission/)).toBeInTheDocument();
  });
});
