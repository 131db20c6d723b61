import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { Modal } from "./Modal";

function Opener({ onCancel = vi.fn() }: { onCancel?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Dismiss alert
      </button>
      {open ? (
        <Modal
          title="Dismiss alert 4"
          description="Say why"
          onCancel={() => {
            onCancel();
            setOpen(false);
          }}
        >
          <input aria-label="Reason" />
          <button type="button">Dismiss</button>
          <button type="button" disabled>
            Later
          </button>
        </Modal>
      ) : null}
    </>
  );
}

describe("Modal", () => {
  it("focuses its first control, keeps Tab inside, and returns focus on Escape", async () => {
    const onCancel = vi.fn();
    render(<Opener onCancel={onCancel} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Dismiss alert" }));

    const dialog = screen.getByRole("dialog", { name: "Dismiss alert 4" });
    expect(dialog).toHaveAccessibleDescription("Say why");
    expect(screen.getByLabelText("Reason")).toHaveFocus();
    await user.tab();
    await user.tab(); // the disabled button is skipped: back to the first control
    expect(screen.getByLabelText("Reason")).toHaveFocus();

    await user.keyboard("{Escape}");
    expect(onCancel).toHaveBeenCalledOnce();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("button", { name: "Dismiss alert" })).toHaveFocus();
  });
});
