import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { LiveEvent } from "../../api/types";
import { jsonResponse } from "../../test/fakes";
import { renderPage } from "../../test/renderPage";
import { cameraOut } from "../../test/fixtures";
import { CameraDetail } from "./CameraDetail";

const CAMERA = cameraOut({
  id: "lhr-kalma-chowk",
  name: "Kalma Chowk",
  latitude: 31.5042,
  longitude: 74.3315,
  health: { state: "online", since: "2026-11-22T06:00:00Z", fps: 9.8, reason: "", bitrate_bps: 0, reported_at: null },
});

function event(id: string, cameraId: string, type: string): LiveEvent {
  return { id, type, time: "2026-11-22T06:01:00Z", camera_id: cameraId, source: "test", payload: {} };
}

function renderDetail(overlay: boolean, events: LiveEvent[] = []) {
  const alert = {
    id: 5,
    title: "Loitering in gate",
    severity: "high",
    status: "new",
    first_seen: "2026-11-22T06:01:30Z",
    last_seen: "2026-11-22T06:02:00Z",
  };
  const ticket = { ticket: "tkt-1", expires_at: new Date(Date.now() + 60_000).toISOString() };
  const fetchImpl = vi.fn(async (url: RequestInfo | URL) =>
    jsonResponse(200, String(url).includes("/auth/media-ticket") ? ticket : [alert]),
  );
  renderPage(<CameraDetail camera={CAMERA} events={events} overlay={overlay} onClose={() => undefined} />, {
    permissions: ["cameras.read", "events.read"],
    fetch: fetchImpl,
  });
  return fetchImpl;
}

describe("camera detail", () => {
  it("shows the live view with detections when the overlay is on, opened with a media ticket", async () => {
    renderDetail(true);
    const video = screen.getByRole("img", { name: "Live view of Kalma Chowk with detections drawn" });
    await waitFor(() => expect(video.getAttribute("src")).toContain("/api/v1/cameras/lhr-kalma-chowk/mjpeg?overlay=true&ticket=tkt-1"));
    expect(video.getAttribute("src")).not.toContain("token=");
  });

  it("shows the clean live view when the overlay is off", async () => {
    renderDetail(false);
    const video = screen.getByRole("img", { name: "Live view of Kalma Chowk" });
    await waitFor(() => expect(video.getAttribute("src")).toContain("ticket=tkt-1"));
    expect(video.getAttribute("src")).not.toContain("overlay");
  });

  it("gives the health in words and lists this camera's recent alerts", async () => {
    const fetchImpl = renderDetail(true);
    expect(screen.getByText(/Online/)).toBeInTheDocument();
    expect(screen.getByText("9.8 fps")).toBeInTheDocument();
    const alerts = await screen.findByRole("list", { name: "Recent alerts of Kalma Chowk" });
    expect(within(alerts).getByText("Loitering in gate")).toBeInTheDocument();
    expect(fetchImpl).toHaveBeenCalledWith(expect.stringContaining("camera_id=lhr-kalma-chowk"), expect.anything());
  });

  it("opens the recorded video of an alert 10 s before it, and the camera's latest recordings", async () => {
    renderDetail(true);
    const play = await screen.findByRole("link", { name: "Play video of alert 5: Loitering in gate" });
    expect(play).toHaveAttribute("href", "/cameras/lhr-kalma-chowk/playback?at=2026-11-22T06%3A01%3A20.000Z");
    expect(screen.getByRole("link", { name: "Recorded video" })).toHaveAttribute("href", "/cameras/lhr-kalma-chowk/playback");
  });

  it("lists only this camera's live events", () => {
    renderDetail(true, [event("1", "lhr-kalma-chowk", "rule.line_crossed"), event("2", "other", "camera.health")]);
    const list = screen.getByRole("list", { name: "Live events of Kalma Chowk" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    expect(within(list).getByText("Line crossed")).toBeInTheDocument(); // in words, not the topic
  });
});
