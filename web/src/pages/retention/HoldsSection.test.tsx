import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderPage } from "../../test/renderPage";
import { HoldsSection } from "./HoldsSection";
import { legalHold } from "./testData";
import type { LegalHold } from "./types";

const active = legalHold();
const released = legalHold({
  released_at: "2026-02-01T00:00:00Z",
  released_by: "admin",
  release_reason: "Order lifted on appeal",
});

function renderHolds(holds: LegalHold[], answer: Response = jsonResponse(200, released)) {
  const onReleased = vi.fn();
  const { fetchImpl: releaseFetch } = renderPage(
    <HoldsSection
      resource={{ status: "ready", data: holds }}
      includeReleased
      onIncludeReleased={vi.fn()}
      caseReference={() => "FIR 3"}
      canRelease
      onReleased={onReleased}
    />,
    { permissions: ["evidence.read", "evidence.manage"], fetch: vi.fn(async () => answer) },
  );
  return { releaseFetch, onReleased, user: userEvent.setup() };
}

afterEach(() => vi.unstubAllGlobals());

describe("releasing a legal hold", () => {
  it("asks for the reason first, then sends it", async () => {
    const { releaseFetch, onReleased, user } = renderHolds([active]);
    await user.click(screen.getByRole("button", { name: "Release hold 4" }));
    await user.type(screen.getByLabelText("Reason for releasing hold 4"), "ok");
    await user.click(screen.getByRole("button", { name: "Confirm release of hold 4" }));
    expect(screen.getByLabelText("Reason for releasing hold 4")).toHaveAccessibleDescription(
      "Give the reason for releasing the hold (at least 3 characters).",
    );
    expect(releaseFetch).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText("Reason for releasing hold 4"), " — order lifted on appeal");
    await user.click(screen.getByRole("button", { name: "Confirm release of hold 4" }));
    await waitFor(() => expect(onReleased).toHaveBeenCalledWith(released));
    const [url, init] = releaseFetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toMatch(/\/api\/v1\/holds\/4\/release$/);
    expect(JSON.parse(String(init.body))).toEqual({ reason: "ok — order lifted on appeal" });
  });

  it("shows the server's refusal of the reason next to it", async () => {
    const refusal = jsonResponse(422, { detail: [{ loc: ["body", "reason"], msg: "String should have at least 3 characters" }] });
    const { onReleased, user } = renderHolds([active], refusal);
    await user.click(screen.getByRole("button", { name: "Release hold 4" }));
    await user.type(screen.getByLabelText("Reason for releasing hold 4"), "fine reason");
    await user.click(screen.getByRole("button", { name: "Confirm release of hold 4" }));
    expect(await screen.findByText("String should have at least 3 characters")).toBeInTheDocument();
    expect(onReleased).not.toHaveBeenCalled();
  });

  it("shows who released a hold, when and why", () => {
    renderHolds([released]);
    const row = screen.getByRole("row", { name: /Hold 4/ });
    expect(row).toHaveTextContent(/Released .* by admin/);
    expect(row).toHaveTextContent("Reason: Order lifted on appeal");
  });
});
