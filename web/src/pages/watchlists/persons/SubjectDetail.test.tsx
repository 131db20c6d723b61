import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeServer, jsonResponse, openAt, STORED, type FakeRequest } from "../testing";
import type { Subject, SubjectImage } from "../types";

const PATH = "/api/v1/watchlists/persons/ayesha";

const IMAGE: SubjectImage = {
  id: 5,
  sha256: "a".repeat(64),
  box: [10, 10, 200, 200],
  quality: { passed: true, score: 0.912, face_px: 190.4, reasons: [] },
  added_by: "supervisor",
  created_at: "2025-02-03T10:00:00Z",
};

function subjectServer() {
  const subject: Subject = {
    id: "ayesha",
    name: "Ayesha Khan",
    category: "missing",
    case_ref: "MP-17",
    legal_authority: "missing-person report 17/2025",
    reason: "reported missing",
    expires_at: null,
    expired: false,
    vectors: 0,
    images: [],
    ...STORED,
  };
  return fakeServer({
    [`GET ${PATH}`]: () => jsonResponse(200, { ...subject, vectors: subject.images.length }),
    [`POST ${PATH}/images`]: (request: FakeRequest) => {
      const file = request.form?.get("file") as File;
      if (file.name === "wall.png")
        return jsonResponse(422, { detail: [{ loc: ["body", "file"], msg: "no face found in wall.png" }] });
      subject.images.push(IMAGE);
      return jsonResponse(201, { image: IMAGE, notes: [] });
    },
    [`DELETE ${PATH}/images/5`]: () => {
      subject.images = [];
      return new Response(null, { status: 204 });
    },
    [`GET /api/v1/media/${IMAGE.sha256}`]: () => new Response(new Blob(["jpeg"]), { status: 200 }),
  });
}

describe("a watchlist subject's face images", { timeout: 20_000 }, () => {
  // jsdom has no object URLs.
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => "blob:thumb");
    URL.revokeObjectURL = vi.fn();
  });

  it("enrols each photo on its own and shows why a photo was refused", async () => {
    const server = subjectServer();
    const user = openAt("/admin/watchlists/persons/ayesha", server);
    expect(await screen.findByText(/No face images yet/)).toBeInTheDocument();
    await user.upload(screen.getByLabelText("Face photos (JPEG or PNG)"), [
      new File(["x"], "face.jpg", { type: "image/jpeg" }),
      new File(["x"], "wall.png", { type: "image/png" }),
    ]);
    await user.click(screen.getByRole("button", { name: "Enrol images" }));

    const outcomes = screen.getByTestId("enrolment-outcomes");
    expect(await within(outcomes).findByText("✗ wall.png: refused: no face found in wall.png")).toBeInTheDocument();
    expect(within(outcomes).getByText("✓ face.jpg: enrolled.")).toBeInTheDocument();
    expect(screen.getByLabelText("Face photos (JPEG or PNG)")).toHaveAccessibleDescription(/no face found in wall.png/);

    const thumbnail = await screen.findByAltText("Enrolled image 1 of Ayesha Khan");
    expect(thumbnail).toHaveAttribute("src", "blob:thumb");
    expect(screen.getByText("face 190 px wide, quality 0.91")).toBeInTheDocument();
    expect(screen.getByTestId("subject-summary")).toHaveTextContent("Active: 1 face enrolled");
  });

  it("removes an image after a second confirmation", async () => {
    const server = subjectServer();
    const user = openAt("/admin/watchlists/persons/ayesha", server);
    await user.upload(await screen.findByLabelText("Face photos (JPEG or PNG)"), new File(["x"], "face.jpg", { type: "image/jpeg" }));
    await user.click(screen.getByRole("button", { name: "Enrol images" }));
    await user.click(await screen.findByRole("button", { name: "Remove image 1" }));
    await user.click(screen.getByRole("button", { name: "Remove image" }));

    expect(await screen.findByText("Removed an image of Ayesha Khan.")).toBeInTheDocument();
    expect(await screen.findByText(/No face images yet/)).toBeInTheDocument();
  });
});
