import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, it } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderSearch } from "./testing";

function event(seq: number, type: string) {
  return { seq, id: `id-${seq}`, type, time: "2026-05-01T08:00:00Z", published_at: "2026-05-01T08:00:00Z", camera_id: "cam-1", source: "test", payload: { state: "offline" } };
}

it("searches events by type without a purpose and pages with the server's cursor", async () => {
  const { calls } = renderSearch("events", ["events.read", "plates.search"], {
    "/api/v1/events": (url) =>
      url.searchParams.get("cursor") === "5"
        ? jsonResponse(200, { events: [event(4, "camera.health")], next_cursor: null, limit: 50 })
        : jsonResponse(200, { events: [event(6, "camera.health"), event(5, "camera.health")], next_cursor: 5, limit: 50 }),
  });
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Event type"), "camera.");
  await user.click(screen.getByRole("button", { name: "Search events" }));
  const table = await screen.findByTestId("event-results");
  expect(within(table).getAllByRole("rowheader")).toHaveLength(2);
  expect(screen.queryByRole("dialog")).toBeNull();

  await user.click(screen.getByRole("button", { name: "Next page" }));
  expect(await screen.findByText("Page 2: 1 event.")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled();
  await user.click(screen.getByRole("button", { name: "Previous page" }));
  expect(await screen.findByText("Page 1: 2 events.")).toBeInTheDocument();
  expect(calls("/api/v1/events").map((url) => url.searchParams.get("cursor"))).toEqual([null, "5", null]);
  expect(calls("/api/v1/events")[0]?.searchParams.get("type")).toBe("camera.");
});

it("shows only the tabs the role may use", async () => {
  renderSearch("events", ["events.read", "plates.search"], {});
  const tabs = screen.getByRole("navigation", { name: "Search kind" });
  expect(within(tabs).getAllByRole("link").map((link) => link.textContent)).toEqual(["Plates", "Events"]);
});
