import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ContentPreview } from "./ContentPreview";
import { evidenceItem } from "./testData";

const item = evidenceItem(7, { filename: "scene.png" });

describe("ContentPreview", () => {
  it("asks for the file with one button, saying that opening it is recorded", async () => {
    const onOpen = vi.fn();
    render(<ContentPreview item={item} state={{ status: "none" }} onOpen={onOpen} />);
    expect(screen.getByText(/Opening the file is recorded in the audit log/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Open content" }));
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("after a failure says what went wrong and asks again", async () => {
    const onOpen = vi.fn();
    render(<ContentPreview item={item} state={{ status: "failed", error: "forbidden" }} onOpen={onOpen} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Could not open the file: forbidden");
    expect(screen.queryByRole("button", { name: "Open content" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onOpen).toHaveBeenCalledTimes(1);
  });
});
