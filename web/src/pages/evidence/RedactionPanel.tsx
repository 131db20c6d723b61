import { useState } from "react";
import { formErrors } from "../../api/errors";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { FormMessage } from "../../components/FormField";
import type { Purpose } from "../../components/PurposeDialog";
import { DerivativeReview } from "./DerivativeReview";
import type { PixelRect, Size } from "./geometry";
import { usePurpose } from "./PurposeContext";
import { MAX_REGIONS, redactionRequest } from "./redaction";
import { RegionFields, RegionList } from "./RegionFields";
import type { EvidenceItem } from "./types";
import { t } from "../../i18n/catalogue";

/**
 * Make a redacted derivative (the original is kept): the server blurs every face it detects, every region
 * drawn here and, when asked, every number plate the ANPR reader finds. The copy is then shown with what
 * was blurred outlined, as recorded in its chain of custody.
 */
export function RedactionPanel({
  item,
  isImage,
  natural,
  regions,
  onRegionsChange,
  onRedacted,
}: {
  item: EvidenceItem;
  isImage: boolean;
  natural: Size | null;
  regions: readonly PixelRect[];
  onRegionsChange: (next: PixelRect[]) => void;
  onRedacted: (derivative: EvidenceItem) => void;
}) {
  const { client } = useAuth();
  const { ensurePurpose } = usePurpose();
  const [plates, setPlates] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [regionsError, setRegionsError] = useState<string | null>(null);
  const [derivative, setDerivative] = useState<EvidenceItem | null>(null);
  const sent = isImage ? regions : [];
  const tooMany = sent.length > MAX_REGIONS;
  const redaction = useMutation(
    (purpose: Purpose) =>
      client.POST("/api/v1/evidence/items/{item_id}/redactions", {
        params: { path: { item_id: item.id } },
        body: redactionRequest(purpose.purpose, sent, plates),
      }),
    {
      onSuccess: (made) => {
        setDerivative(made);
        onRedacted(made);
      },
      onError: (caught) => {
        const { fields, form } = formErrors(caught, ["regions"]);
        setRegionsError(fields.regions ?? null);
        setError(form);
      },
    },
  );
  const busy = redaction.busy;

  const redact = async () => {
    if (tooMany) return;
    const purpose = await ensurePurpose(t("evidence.redactEvidenceItem", { id: item.id }));
    if (!purpose) return;
    setError(null);
    setRegionsError(null);
    await redaction.run(purpose);
  };

  return (
    <section className="card" aria-labelledby="redaction-title">
      <h2 id="redaction-title">{t("evidence.redaction")}</h2>
      <p className="muted">
        {t("evidence.theServerBlursEvery")}
      </p>
      {isImage ? (
        natural ? (
          <>
            <p className="muted">
              {t("evidence.dragAcrossTheImage")}
            </p>
            <RegionFields natural={natural} onAdd={(rect) => onRegionsChange([...regions, rect])} />
            <RegionList regions={regions} onRemove={(index) => onRegionsChange(regions.filter((_, i) => i !== index))} />
            {tooMany ? (
              <p className="field-error" role="alert">
                {t("evidence.atMostRegionsCan", { max: MAX_REGIONS, excess: regions.length - MAX_REGIONS })}
              </p>
            ) : null}
          </>
        ) : (
          <p className="muted">{t("evidence.openTheContentTo")}</p>
        )
      ) : (
        <p className="muted">{t("evidence.regionsCanBeMarked")}</p>
      )}
      <label className="field-inline">
        <input type="checkbox" checked={plates} onChange={(e) => setPlates(e.target.checked)} />{" "}{t("evidence.alsoBlurNumberPlates")}
      </label>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={() => void redact()} disabled={busy || tooMany}>
          {busy ? t("evidence.redacting") : t("evidence.createRedactedCopy")}
        </button>
        {regionsError ? (
          <p className="field-error" role="alert">
            {t("evidence.regions", { regionsError })}
          </p>
        ) : null}
        <FormMessage error={error} />
      </div>
      {busy ? (
        <p className="state" role="status">
          {sent.length > 0 ? t("evidence.blurringFacesAndMarked", { plates: plates ? t("evidence.plates") : "", count: sent.length }) : t("evidence.detectingAndBlurringFaces", { plates: plates ? t("evidence.andPlates") : "" })}
        </p>
      ) : null}
      {derivative ? <DerivativeReview derivative={derivative} /> : null}
    </section>
  );
}
