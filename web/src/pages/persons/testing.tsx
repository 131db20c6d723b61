/** Test support for this folder: the persons area at a path, for a user with some permissions, past the purpose prompt. */
import { screen, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { renderPage } from "../../test/renderPage";
import { fakeServer, fill } from "../watchlists/testing";
import PersonsPage from "./Page";
import type { Person } from "./types";

export const INVESTIGATOR = ["persons.read", "persons.manage", "persons.reveal_identity", "registries.lookup", "events.read"];

export async function renderPersons(path: string, server: ReturnType<typeof fakeServer>, permissions = INVESTIGATOR): Promise<UserEvent> {
  renderPage(<PersonsPage />, { permissions, user: { role: "investigator" }, fetch: server.fetchImpl, path, route: "/persons/*" });
  const user = userEvent.setup();
  await statePurpose(user, "Investigation of FIR 12/2026");
  return user;
}

/** Answers the purpose dialog (the area's, or one an action opens). */
export async function statePurpose(user: UserEvent, purpose: string): Promise<void> {
  const dialog = await screen.findByRole("dialog");
  await fill(user, within(dialog).getByLabelText("Purpose (required)"), purpose);
  await user.click(within(dialog).getByRole("button", { name: "Continue" }));
}

export function personOut(changes: Partial<Person> = {}): Person {
  return {
    id: 7,
    name: "Imran Khan",
    aliases: ["Immi"],
    father_name: "Akbar Khan",
    date_of_birth: "1990-05-01",
    gender: "male",
    cnic_masked: "35202-*******-1",
    status: "proclaimed_offender",
    status_label: "Proclaimed offender",
    legal_basis: "Court order 12/2026",
    legal_basis_expires: null,
    review_date: "2099-01-01",
    review_due: false,
    on_watchlists: true,
    lapsed_at: null,
    notes: "",
    firs: [{ number: "123/2026", police_station: "Model Town" }],
    photos: [],
    vehicles: [],
    links: [],
    face_subject_id: null,
    created_by: "investigator",
    created_at: "2026-12-01T10:00:00Z",
    updated_at: "2026-12-01T10:00:00Z",
    ...changes,
  };
}

export { fakeServer, fill };
