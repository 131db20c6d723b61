import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../../test/fakes";
import { renderPage } from "../../../test/renderPage";
import { cameraOut } from "../../../test/fixtures";
import { SceneEditorPage } from "./SceneEditorPage";

const SCENE = { lines: [{ name: "crossing", start: [0.05, 0.6], end: [0.95, 0.6] }] };

/** The camera API: GET the camera, no snapshot yet, PATCH answers with the scene it was sent. */
function fakeServer() {
  return vi.fn(async (url: string, init?: RequestInit) => {
    if (url.endsWith("/snapshot.jpg")) return jsonResponse(404, { detail: "no picture from camera 'gate-1' yet" });
    if (init?.method === "PATCH") {
      const { scene } = JSON.parse(String(init.body)) as { scene: Record<string, unknown> };
      return jsonResponse(200, cameraOut({ scene }));
    }
    return jsonResponse(200, cameraOut({ scene: SCENE }));
  });
}

function renderEditor(fetchImpl: ReturnType<typeof fakeServer>) {
  renderPage(<SceneEditorPage />, {
    permissions: ["cameras.manage"],
    fetch: fetchImpl,
    path: "/admin/cameras/gate-1/scene",
    route: "/admin/cameras/:id/scene",
  });
}

function patchBodies(fetchImpl: ReturnType<typeof fakeServer>) {
  return fetchImpl.mock.calls
    .filter(([, init]) => init?.method === "PATCH")
    .map(([, init]) => JSON.parse(String(init?.body)) as { scene: { zones: unknown[]; lines: unknown[] } });
}

describe("SceneEditorPage", () => {
  it("draws a zone with the keyboard alone and saves it next to the existing line", async () => {
    const fetchImpl = fakeServer();
    renderEditor(fetchImpl);
    const user = userEvent.setup();
    expect(await screen.findByText(/No picture from this camera yet/)).toBeInTheDocument();
    const shapes = await screen.findByRole("list", { name: "Shapes" });
    expect(within(shapes).getByRole("button", { name: /crossing/ })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Add zone" }));
    for (let i = 0; i < 3; i += 1) await user.click(screen.getByRole("button", { name: "Add point" }));
    const y = screen.getByLabelText("Point 3 y");
    await user.clear(y);
    await user.type(y, "0.9");
    await user.click(screen.getByRole("button", { name: "Finish zone" }));
    expect(screen.getByTestId("scene-notice")).toHaveTextContent("zone-1 finished.");
    await user.clear(screen.getByLabelText("Name"));
    await user.type(screen.getByLabelText("Name"), "gate");
    await user.type(screen.getByLabelText("Dwell alert after (seconds)"), "30");
    await user.click(screen.getByRole("button", { name: "Save scene" }));

    expect(await screen.findByText("Scene saved.")).toBeInTheDocument();
    const [body] = patchBodies(fetchImpl);
    expect(body?.scene.zones).toEqual([
      { name: "gate", polygon: [[0.5, 0.5], [0.6, 0.5], [0.55, 0.9]], dwell_seconds: 30 },
    ]);
    expect(body?.scene.lines).toEqual(SCENE.lines);
    expect(screen.getByText("No unsaved changes.")).toBeInTheDocument();
  });

  it("refuses to save a shape without a name, saying so beside the name", async () => {
    const fetchImpl = fakeServer();
    renderEditor(fetchImpl);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /^crossing/ }));
    await user.clear(screen.getByLabelText("Name"));
    await user.click(screen.getByRole("button", { name: "Save scene" }));

    expect(screen.getByLabelText("Name")).toHaveAccessibleDescription("Give the counting line a name.");
    expect(screen.getByTestId("scene-save-result")).toHaveTextContent("Not saved: one shape needs attention");
    expect(patchBodies(fetchImpl)).toEqual([]);
  });

  it("swaps a line's direction", async () => {
    const fetchImpl = fakeServer();
    renderEditor(fetchImpl);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /^crossing/ }));
    await user.click(screen.getByRole("button", { name: "Swap direction" }));
    await user.click(screen.getByRole("button", { name: "Save scene" }));
    await screen.findByText("Scene saved.");
    expect(patchBodies(fetchImpl)[0]?.scene.lines).toEqual([{ name: "crossing", start: [0.95, 0.6], end: [0.05, 0.6] }]);
  });
});
