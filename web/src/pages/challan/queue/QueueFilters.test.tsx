import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { QueueFilters } from "./QueueFilters";

describe("the queue filters", () => {
  it("switches the queue at once, and the camera when shown", async () => {
    const onChange = vi.fn();
    render(<QueueFilters value={{ queue: "validation", cameraId: "" }} onChange={onChange} />);
    const user = userEvent.setup();
    const queue = screen.getByLabelText("Queue");
    expect([...queue.querySelectorAll("option")].map((option) => option.textContent)).toEqual(["Validation", "Registry problems"]);
    await user.selectOptions(queue, "Registry problems");
    expect(onChange).toHaveBeenLastCalledWith({ queue: "registry", cameraId: "" });

    await user.type(screen.getByLabelText("Camera id"), " cam-7 ");
    await user.click(screen.getByRole("button", { name: "Show" }));
    expect(onChange).toHaveBeenLastCalledWith({ queue: "validation", cameraId: "cam-7" });
  });
});
