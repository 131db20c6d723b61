import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderPage } from "../../test/renderPage";
import { PurposeProvider } from "./PurposeContext";
import { RedactionPanel } from "./RedactionPanel";
import { evidenceItem } from "./testData";
import type { CustodyReport, EvidenceItem } from "./types";

const original = evidenceItem(7, { filename: "scene.png", custody_count: 2 });
const copy: EvidenceItem = { ...original, id: 8, sha256: "b".repeat(64), original_id: 7, derivation: "redacted" };
const plate = { x1: 215, y1: 170, x2: 265, y2: 184 };
const custody: CustodyReport = {
  item_id: 8,
  intact: true,
  problems: [],
  entries: [
    {
      seq: 1,
      time: "2026-01-01T00:00:01Z",
      action: "collected",
      actor: "investigator",
      role: "investigator",
      purpose: "Appeal",
      case_ref: "",
      details: JSON.stringify({
        regions: [[215, 170, 265, 184], [20, 20, 60, 34]],
        face_regions: [],
        plate_regions: [[20, 20, 60, 34]],
        drawn_regions: [[215, 170, 265, 184]],
        plates_detected: true,
      }),
      prev_hash: "0".repeat(64),
      hash: "1".repeat(64),
    },
  ],
};

function renderPanel(answer: Response) {
  // The redaction, then the copy's custody and content.
  const redactFetch = vi.fn(async (_url: string, _init?: RequestInit) => answer);
  const fetch = vi.fn(async (url: string, init?: RequestInit) =>
      url.includes("/redactions")
        ? redactFetch(url, init)
        : url.includes("/custody")
          ? jsonResponse(200, custody)
          : new Response(new Blob(["png"]), { status: 200 }),
  );
  Object.assign(URL, { createObjectURL: () => "blob:copy", revokeObjectURL: () => undefined });
  const onRedacted = vi.fn();
  renderPage(
    <PurposeProvider>
      <RedactionPanel
        item={original}
        isImage
        natural={{ width: 320, height: 240 }}
        regions={[plate]}
        onRegionsChange={vi.fn()}
        onRedacted={onRedacted}
      />
    </PurposeProvider>,
    { permissions: ["evidence.read", "evidence.manage"], fetch },
  );
  return { redactFetch, onRedacted, user: userEvent.setup() };
}

async function redactWithPlates(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("checkbox", { name: /Also blur number plates/ }));
  await user.click(screen.getByRole("button", { name: "Create redacted copy" }));
  await user.type(await screen.findByLabelText("Purpose (required)"), "Publishing an appeal");
  await user.click(screen.getByRole("button", { name: "Continue" }));
}

afterEach(() => vi.unstubAllGlobals());

describe("RedactionPanel", () => {
  it("sends the drawn regions and the plates option, then shows what the copy's custody says was blurred", async () => {
    const { redactFetch, onRedacted, user } = renderPanel(jsonResponse(201, copy));
    await redactWithPlates(user);
    await waitFor(() => expect(onRedacted).toHaveBeenCalledWith(copy));
    const [url, init] = redactFetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toMatch(/\/api\/v1\/evidence\/items\/7\/redactions$/);
    expect(JSON.parse(String(init.body))).toEqual({ purpose: "Publishing an appeal", regions: [[215, 170, 265, 184]], plates: true });
    expect(await screen.findByTestId("redaction-summary")).toHaveTextContent(
      "The server blurred 0 face regions, 1 plate region and 1 drawn region. Drawn: left 215, top 170, 50 × 14 px.",
    );
    expect(await screen.findByRole("img", { name: "Redacted copy, item 8, with blurred regions outlined" })).toBeInTheDocument();
    expect(screen.queryByText(/still visible/)).not.toBeInTheDocument();
  });

  it("shows the server's complaint about a region next to the regions", async () => {
    const refusal = jsonResponse(422, {
      detail: [{ loc: ["body", "regions"], msg: "Value error, region 1 [215, 170, 265, 184] reaches outside the 200×100 image" }],
    });
    const { onRedacted, user } = renderPanel(refusal);
    await redactWithPlates(user);
    expect(await screen.findByText("Regions: region 1 [215, 170, 265, 184] reaches outside the 200×100 image")).toBeInTheDocument();
    expect(onRedacted).not.toHaveBeenCalled();
    expect(screen.queryByTestId("derivative-review")).not.toBeInTheDocument();
  });
});
