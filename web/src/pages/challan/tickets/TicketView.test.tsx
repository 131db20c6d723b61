import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../../test/fakes";
import { fakeChallanServer } from "../fakeServer";
import { renderChallan } from "../renderChallan";
import { aTicket, aViolation } from "../testData";
import { officerTransitions, validateStatusChange } from "./transitions";

const ticket = aTicket();

function ticketServer(status: (body: unknown) => Response) {
  return fakeChallanServer([aViolation({ status: "accepted" })], ({ method, path, body }) => {
    if (path === `/api/v1/challan/tickets/${ticket.number}` && method === "GET") return jsonResponse(200, ticket);
    if (path === `/api/v1/challan/tickets/${ticket.number}/status`) return status(body);
    if (path === `/api/v1/challan/tickets/${ticket.number}/pdf`)
      return new Response("%PDF-1.4 ticket", { status: 200, headers: { "Content-Type": "application/pdf" } });
    if (path === "/api/v1/challan/registry/LEA-1234")
      return jsonResponse(200, { plate: "LEA-1234", vehicle_class: "car", make: "Toyota", model: "Corolla", colour: "white", owner_name: "Ayesha Khan" });
    return undefined;
  });
}

describe("the ticket view", { timeout: 20_000 }, () => {
  it("offers only what the ticket's state allows an officer", () => {
    expect(officerTransitions("issued")).toEqual(["delivered", "contested", "cancelled"]);
    expect(officerTransitions("contested")).toEqual(["delivered", "cancelled"]);
    expect(officerTransitions("paid")).toEqual([]);
    expect(validateStatusChange("cancelled", " ")).toEqual({ reason: "Say why the ticket is cancelled." });
    expect(validateStatusChange("delivered", "")).toEqual({});
  });

  it("shows the ticket with its owner from the registry, and changes its status", async () => {
    const server = ticketServer((body) => jsonResponse(200, { ...ticket, status: "delivered", status_reason: null, ...(body as object) }));
    const user = userEvent.setup();
    renderChallan(`/challan/tickets/${ticket.number}`, server.fetchImpl);
    expect(await screen.findByTestId("registry-owner")).toHaveTextContent("Ayesha Khan · car, white Toyota Corolla");
    expect(screen.getByTestId("ticket-fine")).toHaveTextContent("2000.00 PKR");

    await user.selectOptions(screen.getByLabelText("New status"), "Cancel the ticket");
    await user.click(screen.getByRole("button", { name: "Save status" }));
    expect(await screen.findByText("Say why the ticket is cancelled.")).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("New status"), "Mark delivered");
    await user.click(screen.getByRole("button", { name: "Save status" }));
    expect(await screen.findByText("Ticket EC250301-ABCDEFGH is now delivered.")).toBeInTheDocument();
    expect(screen.getByTestId("ticket-status")).toHaveTextContent("Delivered");
  });

  it("puts the server's refusal next to the status form", async () => {
    const server = ticketServer(() => jsonResponse(409, { detail: "ticket EC250301-ABCDEFGH is paid; it cannot become delivered" }));
    const user = userEvent.setup();
    renderChallan(`/challan/tickets/${ticket.number}`, server.fetchImpl);
    await user.selectOptions(await screen.findByLabelText("New status"), "Mark delivered");
    await user.click(screen.getByRole("button", { name: "Save status" }));
    expect(await screen.findByText("Conflict: ticket EC250301-ABCDEFGH is paid; it cannot become delivered")).toBeInTheDocument();
  });

  it("downloads the PDF through an object URL fetched with the bearer token", async () => {
    const server = ticketServer(() => jsonResponse(500, {}));
    const createObjectURL = vi.fn(() => "blob:ticket-pdf");
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const { unmount } = renderChallan(`/challan/tickets/${ticket.number}`, server.fetchImpl);
    await userEvent.click(await screen.findByRole("button", { name: "Download PDF" }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const pdfCall = server.fetchImpl.mock.calls.find(([url]) => String(url).endsWith("/pdf"));
    expect((pdfCall?.[1] as RequestInit).headers).toMatchObject({ Authorization: "Bearer tok-1" });
    const anchor = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(anchor.download).toBe(`${ticket.number}.pdf`);
    unmount();
    expect(revokeObjectURL).toHaveBeenCalledWith("blob:ticket-pdf");
    click.mockRestore();
  });
});
