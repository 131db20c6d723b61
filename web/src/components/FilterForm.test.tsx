import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { FilterForm } from "./FilterForm";

function Filters({ onApply, onClear }: { onApply: (text: string) => void; onClear: () => void }) {
  const [text, setText] = useState("");
  return (
    <FilterForm
      label="Camera filters"
      applyLabel="Apply filters"
      onApply={() => onApply(text)}
      actions={
        <button type="button" onClick={onClear}>
          Clear
        </button>
      }
    >
      <label>
        Name <input value={text} onChange={(e) => setText(e.target.value)} />
      </label>
    </FilterForm>
  );
}

describe("FilterForm", () => {
  it("applies what was typed only when sent, by its button or Enter", async () => {
    const onApply = vi.fn();
    render(<Filters onApply={onApply} onClear={vi.fn()} />);
    const user = userEvent.setup();
    const form = screen.getByRole("form", { name: "Camera filters" });
    expect(form).toHaveClass("card", "filters");
    await user.type(screen.getByLabelText("Name"), "gate");
    expect(onApply).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Apply filters" }));
    expect(onApply).toHaveBeenLastCalledWith("gate");
    await user.type(screen.getByLabelText("Name"), "s{Enter}");
    expect(onApply).toHaveBeenLastCalledWith("gates");
  });

  it("puts its other buttons beside the apply button, without sending the form", async () => {
    const onApply = vi.fn();
    const onClear = vi.fn();
    render(<Filters onApply={onApply} onClear={onClear} />);
    await userEvent.click(screen.getByRole("button", { name: "Clear" }));
    expect(onClear).toHaveBeenCalledTimes(1);
    expect(onApply).not.toHaveBeenCalled();
  });
});
