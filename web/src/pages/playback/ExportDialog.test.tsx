import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderPage } from "../../test/renderPage";
import { evidenceItem, OPEN_CASE } from "../evidence/testData";
import { ExportDialog, validateExport } from "./ExportDialog";
import { HOUR, SECOND } from "./timelineMath";

const START = Date.parse("2026-12-02T10:00:05Z");
const RANGE = { start: START, end: START + 20 * SECOND };
const CLOSED_CASE = { ...OPEN_CASE, id: 4, reference: "FIR 4/2026", title: "Closed one", status: "closed" };
const SHA = "b".repeat(64);

function renderDialog(exportAnswer: () => Response) {
  const onClose = vi.fn();
  const { fetchImpl } = renderPage(
    <ExportDialog cameraId="lhr-kalma-chowk" cameraName="Kalma Chowk" range={RANGE} onClose={onClose} />,
    {
      permissions: ["events.read", "evidence.read", "evidence.manage"],
      fetch: vi.fn(async (url: string) => (url.endsWith("/recordings/export") ? exportAnswer() : jsonResponse(200, [OPEN_CASE, CLOSED_CASE]))),
    },
  );
  const exportCalls = () =>
    (fetchImpl.mock.calls as unknown as [string, RequestInit][]).filter(([url]) => url.endsWith("/recordings/export"));
  return { user: userEvent.setup(), exportCalls, onClose };
}

describe("ExportDialog", () => {
  it("says the range's length in seconds and offers only open cases", async () => {
    renderDialog(() => jsonResponse(201, {}));
    const dialog = screen.getByRole("dialog", { name: "Export to case" });
    expect(dialog).toHaveAccessibleDescription(/Kalma Chowk: .* \(20\.0 s\)/);
    const select = await screen.findByLabelText("Case (required)");
    await within(select).findByRole("option", { name: "FIR 3/2026: Theft" });
    expect(within(select).queryByRole("option", { name: /FIR 4\/2026/ })).toBeNull();
  });

  it("asks for a case and a purpose before anything is sent", async () => {
    const { user, exportCalls } = renderDialog(() => jsonResponse(201, {}));
    await user.click(screen.getByRole("button", { name: "Export clip" }));
    expect(screen.getByLabelText("Case (required)")).toHaveAccessibleDescription("Choose the case the clip is for.");
    expect(screen.getByLabelText("Purpose of the export (required)")).toHaveAccessibleDescription(
      "State why this footage is exported.",
    );
    expect(exportCalls()).toHaveLength(0);
  });

  it("exports the range to the chosen case and shows the clip's hash and a link to the case", async () => {
    const item = evidenceItem(12, { case_id: 3, kind: "clip", sha256: SHA, camera_id: "lhr-kalma-chowk" });
    const { user, exportCalls } = renderDialog(() => jsonResponse(201, item));
    await user.selectOptions(await screen.findByLabelText("Case (required)"), await screen.findByRole("option", { name: "FIR 3/2026: Theft" }));
    await user.type(screen.getByLabelText("Purpose of the export (required)"), "Robbery at the bus stop");
    await user.click(screen.getByRole("button", { name: "Export clip" }));

    expect(await screen.findByTestId("export-sha256")).toHaveTextContent(SHA);
    expect(screen.getByRole("link", { name: "Open case" })).toHaveAttribute("href", "/evidence/cases/3");
    const [[url, init]] = exportCalls() as [[string, RequestInit]];
    expect(url).toBe("/api/v1/cameras/lhr-kalma-chowk/recordings/export");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({
      start: "2026-12-02T10:00:05.000Z",
      end: "2026-12-02T10:00:25.000Z",
      case_id: 3,
      purpose: "Robbery at the bus stop",
      description: "",
    });
  });

  it("shows the server's refusal beside the field it names", async () => {
    const refusal = { detail: [{ loc: ["body", "case_id"], msg: "case 3 is closed", type: "value_error" }] };
    const { user } = renderDialog(() => jsonResponse(422, refusal));
    await user.selectOptions(await screen.findByLabelText("Case (required)"), await screen.findByRole("option", { name: "FIR 3/2026: Theft" }));
    await user.type(screen.getByLabelText("Purpose of the export (required)"), "Robbery at the bus stop");
    await user.click(screen.getByRole("button", { name: "Export clip" }));
    expect(await screen.findByText("case 3 is closed")).toBeInTheDocument();
    expect(screen.getByLabelText("Case (required)")).toHaveAccessibleDescription("case 3 is closed");
  });
});

describe("validateExport", () => {
  const form = { caseId: "3", purpose: "Court", description: "" };
  it("refuses an empty range and one longer than an hour", () => {
    expect(validateExport(form, { start: START, end: START }).range).toMatch(/empty/);
    expect(validateExport(form, { start: START, end: START + HOUR + SECOND }).range).toMatch(/one hour/);
    expect(validateExport(form, RANGE)).toEqual({});
  });
});
