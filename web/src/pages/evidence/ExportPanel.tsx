import { useEffect, useState } from "react";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { FormMessage } from "../../components/FormField";
import { RadioChoice } from "../../components/forms/RadioChoice";
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
import { t } from "../../i18n/catalogue";

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
    const purpose = await ensurePurpose(t("evidence.exportItemsAsBundle", { count: built.request.item_ids.length }));
    if (!purpose) return;
    await exporting.run(built.request, purpose);
  };

  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t("evidence.exportASignedBundle")}</h2>
      <p className="muted">
        {t("evidence.chooseItemsWithThe")}
      </p>
      <RadioChoice
        className="evidence-choice"
        legend={t("evidence.version")}
        name="export-version"
        choices={[
          { value: "original", label: t("evidence.originalFiles2") },
          { value: "redacted", label: t("evidence.redactedFacesBlurredBy") },
        ]}
        value={version}
        onChange={setVersion}
      />
      {unchanged.length > 0 ? (
        <p className="muted">{t("evidence.unchangedItems", { count: unchanged.length })}</p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={() => void exportBundle()} disabled={busy}>
          {busy ? t("evidence.exporting") : t("evidence.exportItems", { count: chosen.length })}
        </button>
        <FormMessage error={error} />
      </div>
      {busy ? (
        <p className="state" role="status">
          {t("evidence.buildingAndSigningThe")}
        </p>
      ) : null}
      {bundle ? <BundleResult bundle={bundle} /> : null}
    </section>
  );
}
