import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderPage } from "../../test/renderPage";
import { CaseDetailsEditor } from "./CaseDetailsEditor";
import { OPEN_CASE } from "./testData";

const theCase = OPEN_CASE;

function renderEditor(answer: Response) {
  const onChanged = vi.fn();
  const { fetchImpl: patchFetch } = renderPage(<CaseDetailsEditor theCase={theCase} onChanged={onChanged} />, {
    permissions: ["evidence.read", "evidence.manage"],
    fetch: vi.fn(async () => answer),
  });
  return { patchFetch, onChanged, user: userEvent.setup() };
}

afterEach(() => vi.unstubAllGlobals());

describe("CaseDetailsEditor", () => {
  it("sends the changed fields and hands back the updated case", async () => {
    const updated = { ...theCase, title: "Armed theft", description: "Two suspects." };
    const { patchFetch, onChanged, user } = renderEditor(jsonResponse(200, updated));
    await user.click(screen.getByRole("button", { name: "Edit details" }));
    const title = screen.getByLabelText("Case title");
    expect(title).toHaveValue("Theft");
    await user.clear(title);
    await user.type(title, "Armed theft");
    await user.type(screen.getByLabelText("Case description"), "Two suspects.");
    await user.click(screen.getByRole("button", { name: "Save details" }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(updated));
    const [url, init] = patchFetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toMatch(/\/api\/v1\/evidence\/cases\/3$/);
    expect(init.method).toBe("PATCH");
    expect(JSON.parse(String(init.body))).toEqual({ title: "Armed theft", description: "Two suspects." });
    expect(screen.getByText("Case details saved.")).toBeInTheDocument();
  });

  it("names a missing title next to it without sending anything", async () => {
    const { patchFetch, user } = renderEditor(jsonResponse(200, theCase));
    await user.click(screen.getByRole("button", { name: "Edit details" }));
    await user.clear(screen.getByLabelText("Case title"));
    await user.click(screen.getByRole("button", { name: "Save details" }));
    expect(screen.getByLabelText("Case title")).toHaveAccessibleDescription("A case needs a title.");
    expect(patchFetch).not.toHaveBeenCalled();
  });

  it("puts the server's field errors next to the field", async () => {
    const refusal = jsonResponse(422, { detail: [{ loc: ["body", "incident_ref"], msg: "at most 128 characters" }] });
    const { onChanged, user } = renderEditor(refusal);
    await user.click(screen.getByRole("button", { name: "Edit details" }));
    await user.type(screen.getByLabelText("Incident reference"), "INC-1");
    await user.click(screen.getByRole("button", { name: "Save details" }));
    expect(await screen.findByText("at most 128 characters")).toBeInTheDocument();
    expect(screen.getByLabelText("Incident reference")).toHaveAttribute("aria-invalid", "true");
    expect(onChanged).not.toHaveBeenCalled();
  });
});
