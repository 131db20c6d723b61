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
    const purpose = await ensurePurpose(`Redact evidence item ${item.id}`);
    if (!purpose) return;
    setError(null);
    setRegionsError(null);
    await redaction.run(purpose);
  };

  return (
    <section className="card" aria-labelledby="redaction-title">
      <h2 id="redaction-title">Redaction</h2>
      <p className="muted">
        The server blurs every face it detects and every region marked here, and keeps the original untouched. The
        regions are recorded in the copy&apos;s chain of custody, so a court sees what was blurred by hand.
      </p>
      {isImage ? (
        natural ? (
          <>
            <p className="muted">
              Drag across the image above to mark a number plate, a screen or anything else to hide, or type its
              numbers here.
            </p>
            <RegionFields natural={natural} onAdd={(rect) => onRegionsChange([...regions, rect])} />
            <RegionList regions={regions} onRemove={(index) => onRegionsChange(regions.filter((_, i) => i !== index))} />
            {tooMany ? (
              <p className="field-error" role="alert">
                At most {MAX_REGIONS} regions can be blurred at once; remove {regions.length - MAX_REGIONS}.
              </p>
            ) : null}
          </>
        ) : (
          <p className="muted">Open the content to mark regions on the image.</p>
        )
      ) : (
        <p className="muted">Regions can be marked on images here; in a video the detected faces (and plates) are blurred.</p>
      )}
      <label className="field-inline">
        <input type="checkbox" checked={plates} onChange={(e) => setPlates(e.target.checked)} /> Also blur number plates
        the ANPR reader finds (slower: about half a second a frame)
      </label>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={() => void redact()} disabled={busy || tooMany}>
          {busy ? "Redacting…" : "Create redacted copy"}
        </button>
        {regionsError ? (
          <p className="field-error" role="alert">
            Regions: {regionsError}
          </p>
        ) : null}
        <FormMessage error={error} />
      </div>
      {busy ? (
        <p className="state" role="status">
          {sent.length > 0 ? `Blurring faces${plates ? ", plates" : ""} and ${sent.length} marked region(s)…` : `Detecting and blurring faces${plates ? " and plates" : ""}…`}
        </p>
      ) : null}
      {derivative ? <DerivativeReview derivative={derivative} /> : null}
    </section>
  );
}
