import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fill, listServer, openAt, STORED } from "../testing";
import type { Subject } from "../types";

const subjectServer = () =>
  listServer("/api/v1/watchlists/persons", (request): Subject => {
    const body = request.json() as Subject;
    return {
      ...body,
      id: body.id ?? "ab12cd",
      expires_at: body.expires_at ? "2099-01-02T00:00:00Z" : null,
      expired: false,
      vectors: 0,
      images: [],
      ...STORED,
    };
  });

describe("person watchlist", { timeout: 20_000 }, () => {
  it("asks for the legal basis and reason before sending", async () => {
    const server = subjectServer();
    const user = openAt("/admin/watchlists/persons", server);
    await fill(user, await screen.findByLabelText("Name"), "Ayesha Khan");
    await user.click(screen.getByRole("button", { name: "Add person" }));

    expect(screen.getByLabelText("Legal basis")).toHaveAccessibleDescription(/State the legal basis/);
    expect(screen.getByLabelText("Reason")).toHaveAccessibleDescription(/State why/);
    expect(server.calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("adds a person and lists them as not matched until a face is enrolled", async () => {
    const server = subjectServer();
    const user = openAt("/admin/watchlists/persons", server);
    expect(await screen.findByText("Nobody is on the watchlist yet.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Person watchlist" })).toHaveAttribute("aria-current", "page");
    await fill(user, screen.getByLabelText("Name"), "Ayesha Khan");
    await user.selectOptions(screen.getByLabelText("Category"), "missing");
    await fill(user, screen.getByLabelText("Legal basis"), "missing-person report 17/2025");
    await fill(user, screen.getByLabelText("Reason"), "reported missing by family");
    await user.click(screen.getByRole("button", { name: "Add person" }));

    expect(await screen.findByText(/Added Ayesha Khan \(ab12cd\)/)).toBeInTheDocument();
    const row = within(await screen.findByTestId("subjects-table")).getByRole("row", { name: /Ayesha Khan/ });
    expect(row).toHaveTextContent("Missing person");
    expect(row).toHaveTextContent("No enrolled face: not matched yet");
    expect(server.calls.find((c) => c.method === "POST")?.json()).toEqual({
      name: "Ayesha Khan",
      category: "missing",
      case_ref: "",
      legal_authority: "missing-person report 17/2025",
      reason: "reported missing by family",
      expires_at: null,
    });
  });
});
