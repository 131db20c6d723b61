import { useEffect, useState } from "react";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { FormMessage } from "../../components/FormField";
import { purposeQuery, type Purpose } from "../../components/PurposeDialog";
import { BundleResult, type ExportedBundle } from "./BundleResult";
import {
  buildExportRequest,
  notRedactable,
  selectedItems,
  type ExportRequest,
  type ExportVersion,
} from "./exportSelection";
import { usePurpose } from "./PurposeContext";
import { sha256Hex } from "./sha256";
import type { EvidenceItem } from "./types";

/** Export the selected items as a signed ZIP bundle, then offer it for saving with its hashes to check. */
export function ExportPanel({ items, selected }: { items: readonly EvidenceItem[]; selected: ReadonlySet<number> }) {
  const { client } = useAuth();
  const { ensurePurpose } = usePurpose();
  const [version, setVersion] = useState<ExportVersion>("original");
  const [localError, setLocalError] = useState<string | null>(null);
  const [bundle, setBundle] = useState<ExportedBundle | null>(null);
  const exporting = useMutation(async (request: ExportRequest, purpose: Purpose) => {
    const download = await client.file("post", "/api/v1/evidence/exports", {
      body: request,
      params: { query: purposeQuery(purpose) },
    });
    setBundle({
      url: URL.createObjectURL(download.blob),
      filename: download.filename,
      size: download.blob.size,
      bundleId: download.headers.get("X-Safecity-Bundle-Id") ?? "",
      announcedSha256: download.headers.get("X-Safecity-Bundle-Sha256") ?? "",
      downloadedSha256: await sha256Hex(download.blob),
      fingerprint: download.headers.get("X-Safecity-Key-Fingerprint") ?? "",
      itemIds: request.item_ids,
      redacted: request.redact,
    });
  });
  const busy = exporting.busy;
  const error = localError ?? exporting.error;
  const chosen = selectedItems(selected, items);
  const unchanged = version === "redacted" ? notRedactable(chosen) : [];

  // The object URL holds the whole bundle in memory: free it when replaced or when leaving the page.
  useEffect(() => () => (bundle ? URL.revokeObjectURL(bundle.url) : undefined), [bundle]);

  const exportBundle = async () => {
    setLocalError(null);
    exporting.reset();
    const built = buildExportRequest(selected, items, version);
    if ("error" in built) {
      setLocalError(built.error);
      return;
    }
    const purpose = await ensurePurpose(`Export ${built.request.item_ids.length} item(s) as a signed bundle`);
    if (!purpose) return;
    await exporting.run(built.request, purpose);
  };

  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">Export a signed bundle</h2>
      <p className="muted">
        Choose items with the checkboxes in the table. The bundle is a ZIP with a manifest signed by the server's key,
        each file watermarked with your name, and each item's chain of custody.
      </p>
      <fieldset className="evidence-choice">
        <legend>Version</legend>
        <label>
          <input type="radio" name="export-version" checked={version === "original"} onChange={() => setVersion("original")} />{" "}
          Original files
        </label>
        <label>
          <input type="radio" name="export-version" checked={version === "redacted"} onChange={() => setVersion("redacted")} />{" "}
          Redacted: faces blurred by the server
        </label>
      </fieldset>
      {unchanged.length > 0 ? (
        <p className="muted">{unchanged.length} chosen item(s) are not images or video and are exported unchanged.</p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={() => void exportBundle()} disabled={busy}>
          {busy ? "Exporting…" : `Export ${chosen.length} item(s)`}
        </button>
        <FormMessage error={error} />
      </div>
      {busy ? (
        <p className="state" role="status">
          Building and signing the bundle…
        </p>
      ) : null}
      {bundle ? <BundleResult bundle={bundle} /> : null}
    </section>
  );
}
