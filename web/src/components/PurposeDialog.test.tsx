import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { PurposeDialog, purposeQuery, validatePurpose } from "./PurposeDialog";

function renderDialog() {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(<PurposeDialog open action="Plate search: MH12AB1234" onConfirm={onConfirm} onCancel={onCancel} />);
  return { onConfirm, onCancel, user: userEvent.setup() };
}

describe("PurposeDialog", () => {
  it("is a labelled modal dialog that focuses the purpose field", () => {
    renderDialog();
    const dialog = screen.getByRole("dialog", { name: "Purpose of this search" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(screen.getByLabelText("Purpose (required)")).toHaveFocus();
    expect(dialog).toHaveTextContent("Plate search: MH12AB1234");
  });

  it("refuses an empty or whitespace purpose", async () => {
    const { onConfirm, user } = renderDialog();
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(screen.getByRole("alert")).toHaveTextContent("State the purpose");
    await user.type(screen.getByLabelText("Purpose (required)"), "      ");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Purpose (required)")).toHaveAttribute("aria-invalid", "true");
  });

  it("refuses a too-short purpose", async () => {
    const { onConfirm, user } = renderDialog();
    await user.type(screen.getByLabelText("Purpose (required)"), "why");
    await user.keyboard("{Tab}{Enter}");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(screen.getByRole("alert")).toHaveTextContent("at least 8 characters");
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it("confirms a trimmed purpose with the optional case reference", async () => {
    const { onConfirm, user } = renderDialog();
    await user.type(screen.getByLabelText("Purpose (required)"), "  Stolen vehicle complaint  ");
    await user.type(screen.getByLabelText("Case reference (optional)"), " FIR 123/2025 ");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(onConfirm).toHaveBeenCalledWith({ purpose: "Stolen vehicle complaint", caseRef: "FIR 123/2025" });
  });

  it("cancels with Escape or the Cancel button", async () => {
    const { onCancel, user } = renderDialog();
    await user.keyboard("{Escape}");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalledTimes(2);
  });

  it("keeps Tab inside the dialog", async () => {
    const { user } = renderDialog();
    act(() => screen.getByRole("button", { name: "Continue" }).focus());
    await user.tab();
    expect(screen.getByLabelText("Purpose (required)")).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole("button", { name: "Continue" })).toHaveFocus();
  });

  it("renders nothing when closed", () => {
    render(<PurposeDialog open={false} onConfirm={vi.fn()} onCancel={vi.fn()} />);
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

describe("validatePurpose / purposeQuery", () => {
  it("validates length limits", () => {
    expect(validatePurpose("Investigating theft", "")).toBeNull();
    expect(validatePurpose("x".repeat(501), "")?.purpose).toMatch("At most 500");
    expect(validatePurpose("Investigating theft", "c".repeat(129))?.caseRef).toMatch("At most 128");
  });

  it("adds case_ref only when given", () => {
    expect(purposeQuery({ purpose: "p", caseRef: "" })).toEqual({ purpose: "p" });
    expect(purposeQuery({ purpose: "p", caseRef: "C-1" })).toEqual({ purpose: "p", case_ref: "C-1" });
  });
});
