import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderPage } from "../../test/renderPage";
import { CameraForm } from "./CameraForm";
import { cameraOut } from "../../test/fixtures";

function renderForm(fetchImpl: ReturnType<typeof vi.fn>, onSaved = vi.fn()) {
  renderPage(<CameraForm onSaved={onSaved} />, { permissions: ["cameras.manage"], fetch: fetchImpl });
  return onSaved;
}

describe("CameraForm", () => {
  it("shows the server's field error beside the field, then adds the camera without echoing the password", async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(
        jsonResponse(422, { detail: [{ loc: ["body", "url"], msg: "Value error, not a valid camera URL (use rtsp, file)" }] }),
      )
      .mockResolvedValueOnce(jsonResponse(201, cameraOut({ id: "cam-9", name: "Cam 9" })));
    const onSaved = renderForm(fetchImpl);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Camera ID"), "cam-9");
    await user.type(screen.getByLabelText("Name"), "Cam 9");
    await user.type(screen.getByLabelText("Main stream URL"), "ftp://h/x");
    await user.click(screen.getByRole("button", { name: "Add camera" }));

    expect(await screen.findByText("not a valid camera URL (use rtsp, file)")).toBeInTheDocument();
    expect(screen.getByLabelText("Main stream URL")).toHaveAccessibleDescription(/not a valid camera URL/);
    expect(onSaved).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText("Main stream URL"));
    await user.type(screen.getByLabelText("Main stream URL"), "rtsp://viewer:hunter22@10.0.0.9/main");
    expect(screen.getByRole("note")).toHaveTextContent("will not be shown again");
    await user.click(screen.getByRole("button", { name: "Add camera" }));

    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: "cam-9" }));
    const [, init] = fetchImpl.mock.calls[1] as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toMatchObject({ id: "cam-9", url: "rtsp://viewer:hunter22@10.0.0.9/main" });
    expect(document.body.innerHTML).not.toContain("hunter22");
  });

  it("says in words when the camera already exists", async () => {
    renderForm(vi.fn().mockResolvedValue(jsonResponse(409, { detail: "camera 'cam-9' already exists" })));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Camera ID"), "cam-9");
    await user.click(screen.getByRole("button", { name: "Add camera" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("camera 'cam-9' already exists");
  });
});
