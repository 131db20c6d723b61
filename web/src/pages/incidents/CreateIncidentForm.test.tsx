import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderPage } from "../../test/renderPage";
import { CreateIncidentForm, EMPTY_LOCATION } from "./CreateIncidentForm";
import { incidentWith } from "./fixtures";
import type { IncidentType } from "./types";

const TYPES: IncidentType[] = [{ code: "fire", label: "Fire", priority: 1, capability: "fire" }];

function renderForm(answer: Response) {
  const onCreated = vi.fn();
  const fetchImpl = vi.fn(async () => answer);
  renderPage(<CreateIncidentForm types={TYPES} location={EMPTY_LOCATION} onLocationChange={vi.fn()} onCreated={onCreated} />, {
    fetch: fetchImpl,
  });
  return { onCreated, fetchImpl, form: within(screen.getByRole("form", { name: "Create incident" })) };
}

describe("the create-incident form", () => {
  it("sends the chosen type and title, and hands back the incident the server made", async () => {
    const created = incidentWith({ id: 12, type: "fire", title: "Market fire" });
    const { onCreated, fetchImpl, form } = renderForm(jsonResponse(201, created));
    const user = userEvent.setup();
    await user.selectOptions(form.getByLabelText("Type"), "fire");
    await user.type(form.getByLabelText("Title"), "Market fire");
    await user.click(form.getByRole("button", { name: "Create incident" }));
    expect(onCreated).toHaveBeenCalledWith(created);
    const [, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toMatchObject({ type: "fire", title: "Market fire", latitude: null, longitude: null });
  });

  it("says a refusal that belongs to no field beside the button", async () => {
    const { onCreated, form } = renderForm(jsonResponse(403, { detail: "Not allowed" }));
    const user = userEvent.setup();
    await user.selectOptions(form.getByLabelText("Type"), "fire");
    await user.click(form.getByRole("button", { name: "Create incident" }));
    expect(await form.findByRole("alert")).toBeInTheDocument();
    expect(onCreated).not.toHaveBeenCalled();
  });
});
