import { useState } from "react";
import { formErrors } from "../../api/errors";
import { useMutation } from "../../api/useMutation";
import type { Resource } from "../../api/useResource";
import { StateMessage } from "../../components/StateMessage";
import { useAuth } from "../../auth/AuthContext";
import { FormField, FormMessage } from "../../components/FormField";
import { formatTime } from "../evidence/format";
import { checkReleaseReason, describeHoldScope, MAX_REASON_LENGTH } from "./holds";
import type { LegalHold } from "./types";
import { TableHead } from "../../components/TableHead";
import { t } from "../../i18n/catalogue";

export function HoldsSection({
  resource,
  includeReleased,
  onIncludeReleased,
  caseReference,
  canRelease,
  onReleased,
}: {
  resource: Resource<LegalHold[]>;
  includeReleased: boolean;
  onIncludeReleased: (value: boolean) => void;
  caseReference: (id: number) => string | undefined;
  canRelease: boolean;
  onReleased: (hold: LegalHold) => void;
}) {
  const holds = resource.data ?? [];
  return (
    <section aria-labelledby="holds-title">
      <div className="section-head">
        <h2 id="holds-title">{t("retention.legalHolds")}</h2>
        <label className="field-inline">
          <input type="checkbox" checked={includeReleased} onChange={(e) => onIncludeReleased(e.target.checked)} />{" "}{t("retention.showReleasedHolds")}
        </label>
      </div>
      <p className="muted">{t("retention.anythingUnderAnActive")}</p>
      <StateMessage
        resource={resource}
        what={t("retention.legalHolds2")}
        empty={holds.length === 0 ? <p className="state">No {includeReleased ? "" : "active "}legal holds.</p> : null}
      />
      {holds.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="holds-table">
            <TableHead columns={[t("retention.hold2"), t("retention.covers"), t("retention.reason"), t("retention.caseRef"), t("retention.placed"), t("retention.status")]} />
            <tbody>
              {holds.map((hold) => (
                <tr key={hold.id} className={hold.released_at ? "row-disabled" : undefined}>
                  <th scope="row">{t("retention.hold", { id: hold.id })}</th>
                  <td>{describeHoldScope(hold, caseReference)}</td>
                  <td>{hold.reason}</td>
                  <td>{hold.case_ref || "—"}</td>
                  <td>
                    {t("retention.by", { time: formatTime(hold.created_at), created_by: hold.created_by })}
                  </td>
                  <td>
                    {hold.released_at ? (
                      <>
                        {t("retention.releasedBy", { time: formatTime(hold.released_at), released_by: hold.released_by ?? "?" })}
                        <span className="hold-release-reason">
                          {hold.release_reason ? t("retention.reason2", { release_reason: hold.release_reason }) : t("retention.noReasonRecorded")}
                        </span>
                      </>
                    ) : canRelease ? (
                      <ReleaseControl hold={hold} onReleased={onReleased} />
                    ) : (
                      t("retention.active")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Two steps, so a hold is not lifted by a stray click: what is covered may be deleted afterwards. The
 * reason is required; it is kept on the hold and written into the custody of everything it covered. */
function ReleaseControl({ hold, onReleased }: { hold: LegalHold; onReleased: (hold: LegalHold) => void }) {
  const { client } = useAuth();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [localReasonError, setLocalReasonError] = useState<string | undefined>(undefined);
  const releasing = useMutation(
    (text: string) =>
      client.POST("/api/v1/holds/{hold_id}/release", { params: { path: { hold_id: hold.id } }, body: { reason: text } }),
    // The server's refusal of the reason goes beside it, anything else below the buttons.
    { onSuccess: (released) => onReleased(released as LegalHold), describe: (caught) => formErrors(caught, ["reason"]).form ?? "" },
  );
  const { busy, error } = releasing;
  const reasonError = localReasonError ?? formErrors(releasing.failure, ["reason"]).fields.reason;

  const release = () => {
    const checked = checkReleaseReason(reason);
    setLocalReasonError("error" in checked ? checked.error : undefined);
    if ("reason" in checked) void releasing.run(checked.reason);
  };

  if (!confirming)
    return (
      <>
        {t("retention.active")}{" "}
        <button type="button" className="btn btn-small" onClick={() => setConfirming(true)}>
          {t("retention.releaseHold", { id: hold.id })}
        </button>
      </>
    );
  return (
    <div role="group" aria-label={t("retention.confirmReleaseOfHold", { id: hold.id })}>
      <p>{t("retention.releaseRetentionMayThen")}</p>
      <FormField id={`release-reason-${hold.id}`} label={t("retention.reasonForReleasingHold", { id: hold.id })} error={reasonError}>
        {(control) => <textarea {...control} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={MAX_REASON_LENGTH} required />}
      </FormField>
      <div className="form-actions">
        <button type="button" className="btn btn-danger btn-small" onClick={() => void release()} disabled={busy}>
          {t("retention.confirmReleaseOfHold", { id: hold.id })}
        </button>
        <button type="button" className="btn btn-quiet btn-small" onClick={() => setConfirming(false)} disabled={busy}>
          {t("retention.keepHold", { id: hold.id })}
        </button>
      </div>
      <FormMessage error={error} />
    </div>
  );
}
