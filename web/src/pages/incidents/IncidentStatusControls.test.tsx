import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderPage } from "../../test/renderPage";
import { incidentWith } from "./fixtures";
import { IncidentStatusControls } from "./IncidentStatusControls";

function renderControls(status: "new" | "on_scene" | "closed", respond: () => Response) {
  const fetchImpl = vi.fn(async () => respond());
  const onChanged = vi.fn();
  renderPage(<IncidentStatusControls incident={incidentWith({ status })} onChanged={onChanged} />, {
    permissions: ["incidents.manage", "events.read"],
    fetch: fetchImpl,
  });
  return { fetchImpl, onChanged };
}

describe("incident status controls", () => {
  it("offers only the moves the lifecycle allows", () => {
    renderControls("on_scene", () => jsonResponse(200, {}));
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Resolve"]);
  });

  it("says there is nothing left to do for a closed incident", () => {
    renderControls("closed", () => jsonResponse(200, {}));
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByText(/no further status changes/)).toBeInTheDocument();
  });

  it("sends the status with the note and reports success", async () => {
    const { fetchImpl, onChanged } = renderControls("new", () => jsonResponse(200, incidentWith({ status: "resolved" })));
    await userEvent.type(screen.getByLabelText("Status note"), "False alarm, caller confirmed");
    await userEvent.click(screen.getByRole("button", { name: "Resolve" }));
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/incidents/7/status");
    expect(JSON.parse(String(init.body))).toEqual({ status: "resolved", note: "False alarm, caller confirmed" });
    expect(onChanged).toHaveBeenCalled();
  });

  it("shows a refusal (409) in words next to the buttons", async () => {
    const { onChanged } = renderControls("new", () =>
      jsonResponse(409, { detail: "an incident in state 'cancelled' cannot become 'resolved'" }),
    );
    await userEvent.click(screen.getByRole("button", { name: "Resolve" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The incident could not become resolved. (an incident in state 'cancelled' cannot become 'resolved')",
    );
    expect(onChanged).not.toHaveBeenCalled();
  });
});
