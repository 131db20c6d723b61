import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderPage } from "../../test/renderPage";
import { ExportPanel } from "./ExportPanel";
import { PurposeProvider } from "./PurposeContext";
import { evidenceItem } from "./testData";

const BUNDLE = "PK zip bytes";
const SOME_OTHER_SHA = "0".repeat(64);
const FINGERPRINT = "SHA256:abc123";

const item = evidenceItem(7, { filename: "scene.png" });

async function realSha(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function renderPanel(selected: number[], announcedSha: string) {
  // The export, then the published signing key the bundle's fingerprint is checked against.
  const exportFetch = vi.fn(async (url: string) =>
      url.includes("/signing-key")
        ? jsonResponse(200, { fingerprint: FINGERPRINT, public_key_pem: "PEM" })
        : new Response(BUNDLE, {
            status: 200,
            headers: {
              "Content-Type": "application/zip",
              "Content-Disposition": 'attachment; filename="evidence-1.zip"',
              "X-Safecity-Bundle-Id": "b-1",
              "X-Safecity-Bundle-Sha256": announcedSha,
              "X-Safecity-Key-Fingerprint": FINGERPRINT,
            },
          }),
  );
  // jsdom has no object URLs.
  Object.assign(URL, { createObjectURL: () => "blob:bundle", revokeObjectURL: () => undefined });
  renderPage(
    <PurposeProvider>
      <ExportPanel items={[item]} selected={new Set(selected)} />
    </PurposeProvider>,
    { permissions: ["evidence.read", "evidence.export"], fetch: exportFetch },
  );
  return { exportFetch, user: userEvent.setup() };
}

async function statePurpose(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText("Purpose (required)"), "Court submission for FIR 7");
  await user.click(screen.getByRole("button", { name: "Continue" }));
}

afterEach(() => vi.unstubAllGlobals());

describe("ExportPanel", () => {
  it("asks for a selection before anything is sent", async () => {
    const { exportFetch, user } = renderPanel([], SOME_OTHER_SHA);
    await user.click(screen.getByRole("button", { name: "Export 0 items" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Choose at least one item to export.");
    expect(exportFetch).not.toHaveBeenCalled();
  });

  it("exports with the stated purpose and shows the bundle's hash, checked against the bytes received", async () => {
    const sha = await realSha(BUNDLE);
    const { exportFetch, user } = renderPanel([7], sha);
    await user.click(screen.getByRole("radio", { name: "Redacted: faces blurred by the server" }));
    await user.click(screen.getByRole("button", { name: "Export 1 item" }));
    await statePurpose(user);

    expect(await screen.findByTestId("bundle-sha256")).toHaveTextContent(sha);
    const [url, init] = exportFetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/evidence/exports?purpose=Court+submission+for+FIR+7");
    expect(JSON.parse(String(init.body))).toEqual({ item_ids: [7], redact: true });
    expect(new Headers(init.headers).get("Authorization")).toBe("Bearer tok-1");
    expect(screen.getByText(/matches the bytes received/)).toBeInTheDocument();
    expect(await screen.findByText(/matches the server's published signing key/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Save bundle evidence-1.zip" })).toHaveAttribute("download", "evidence-1.zip");
  });

  it("warns when the bytes received do not hash to the announced hash", async () => {
    const { user } = renderPanel([7], SOME_OTHER_SHA);
    await user.click(screen.getByRole("button", { name: "Export 1 item" }));
    await statePurpose(user);
    expect(await screen.findByText(/do not use this download/)).toBeInTheDocument();
  });
});
