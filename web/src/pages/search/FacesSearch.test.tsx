import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderSearch } from "./testing";

// jsdom has no object URLs; the page uses them for the photo preview and the result crops.
beforeEach(() => {
  Object.assign(URL, { createObjectURL: vi.fn(() => "blob:preview"), revokeObjectURL: vi.fn() });
});

const photo = new File(["not really a jpeg"], "street.jpg", { type: "image/jpeg" });

async function searchWith(file: File) {
  const user = userEvent.setup();
  await user.upload(screen.getByLabelText("Photo of the face"), file);
  await user.click(screen.getByRole("button", { name: "Search faces" }));
  await user.type(await screen.findByLabelText("Purpose (required)"), "Missing person report");
  await user.click(screen.getByRole("button", { name: "Continue" }));
  return user;
}

describe("face search", () => {
  it("shows the server's 'no face' error next to the photo", async () => {
    renderSearch("faces", ["faces.search"], {
      "/api/v1/faces/forensic": () =>
        jsonResponse(422, { detail: [{ type: "value_error", loc: ["body", "file"], msg: "no face found in street.jpg" }] }),
    });
    await searchWith(photo);
    const error = await screen.findByText("The server could not use this photo: no face found in street.jpg");
    expect(error).toHaveAttribute("id", "face-photo-error");
    expect(screen.getByLabelText("Photo of the face")).toHaveAttribute("aria-invalid", "true");
  });

  it("uploads the photo with the purpose and lists sightings above the minimum score", async () => {
    const { calls, fetchImpl } = renderSearch("faces", ["faces.search"], {
      "/api/v1/faces/forensic": () =>
        jsonResponse(200, {
          probe_box: [0, 0, 10, 10],
          model: "dlib-resnet-v1",
          sightings: [
            { sighting_id: 1, camera_id: "cam-1", time: "2026-05-01T08:00:00Z", track_id: "7", crop_sha256: "ab", distance: 0.4, score: 0.98 },
            { sighting_id: 2, camera_id: "cam-2", time: "2026-05-01T09:00:00Z", track_id: "8", crop_sha256: "cd", distance: 0.7, score: 0.12 },
          ],
        }),
      "/api/v1/media/ab": () => new Response(new Blob(["img"]), { status: 200 }),
    });
    await searchWith(photo);
    expect(await screen.findByTestId("face-results")).toHaveTextContent("0.98");
    expect(screen.getByText("1 less similar sighting is hidden by the minimum score.")).toBeInTheDocument();
    const call = calls("/api/v1/faces/forensic")[0];
    expect(call?.searchParams.get("purpose")).toBe("Missing person report");
    expect(call?.searchParams.get("k")).toBe("50");
    const init = fetchImpl.mock.calls.find(([input]) => String(input).includes("/forensic"))?.[1];
    expect((init?.body as FormData).get("file")).toBeInstanceOf(File);
    // each crop is a face picture: its read carries the search's purpose (the server audits it)
    await waitFor(() => expect(calls("/api/v1/media/ab")).toHaveLength(1));
    expect(calls("/api/v1/media/ab")[0]?.searchParams.get("purpose")).toBe("Missing person report");
  });

  it("accepts a dropped photo", async () => {
    renderSearch("faces", ["faces.search"], {});
    const zone = screen.getByTestId("photo-drop");
    const { fireEvent } = await import("@testing-library/react");
    fireEvent.drop(zone, { dataTransfer: { files: [photo] } });
    expect(await screen.findByText("street.jpg")).toBeInTheDocument();
  });
});
