import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { FileField, useFileChoice } from "./FileField";

function Upload({ send, focusWhenMissing = false }: { send: (files: File[]) => void; focusWhenMissing?: boolean }) {
  const choice = useFileChoice("Choose a photo.", { focusWhenMissing });
  return (
    <form onSubmit={choice.onSubmit((files) => send(files))} noValidate>
      <FileField choice={choice} label="Photos" accept="image/png" multiple />
      <button type="submit">Upload</button>
      <button type="button" onClick={choice.clear}>
        Clear
      </button>
    </form>
  );
}

const png = (name: string) => new File(["x"], name, { type: "image/png" });

describe("FileField", () => {
  it("says a file is missing instead of sending none, and forgets that once one is chosen", async () => {
    const send = vi.fn();
    render(<Upload send={send} focusWhenMissing />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Upload" }));
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("Choose a photo.");
    const input = screen.getByLabelText("Photos");
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute("aria-invalid", "true");

    await user.upload(input, [png("a.png"), png("b.png")]);
    expect(screen.queryByRole("alert")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Upload" }));
    expect(send).toHaveBeenCalledWith([expect.objectContaining({ name: "a.png" }), expect.objectContaining({ name: "b.png" })]);
  });

  it("forgets the chosen files when cleared", async () => {
    const send = vi.fn();
    render(<Upload send={send} />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText("Photos"), png("a.png"));
    await user.click(screen.getByRole("button", { name: "Clear" }));
    await user.click(screen.getByRole("button", { name: "Upload" }));
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Photos")).not.toHaveFocus();
  });
});
