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
        <h2 id="holds-title">Legal holds</h2>
        <label className="field-inline">
          <input type="checkbox" checked={includeReleased} onChange={(e) => onIncludeReleased(e.target.checked)} /> Show
          released holds
        </label>
      </div>
      <p className="muted">Anything under an active hold is never deleted, whatever its retention period.</p>
      <StateMessage
        resource={resource}
        what="legal holds"
        empty={holds.length === 0 ? <p className="state">No {includeReleased ? "" : "active "}legal holds.</p> : null}
      />
      {holds.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="holds-table">
            <TableHead columns={["Hold", "Covers", "Reason", "Case ref", "Placed", "Status"]} />
            <tbody>
              {holds.map((hold) => (
                <tr key={hold.id} className={hold.released_at ? "row-disabled" : undefined}>
                  <th scope="row">Hold {hold.id}</th>
                  <td>{describeHoldScope(hold, caseReference)}</td>
                  <td>{hold.reason}</td>
                  <td>{hold.case_ref || "—"}</td>
                  <td>
                    {formatTime(hold.created_at)} by {hold.created_by}
                  </td>
                  <td>
                    {hold.released_at ? (
                      <>
                        Released {formatTime(hold.released_at)} by {hold.released_by ?? "?"}
                        <span className="hold-release-reason">
                          {hold.release_reason ? `Reason: ${hold.release_reason}` : "No reason recorded"}
                        </span>
                      </>
                    ) : canRelease ? (
                      <ReleaseControl hold={hold} onReleased={onReleased} />
                    ) : (
                      "Active"
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
        Active{" "}
        <button type="button" className="btn btn-small" onClick={() => setConfirming(true)}>
          Release hold {hold.id}
        </button>
      </>
    );
  return (
    <div role="group" aria-label={`Confirm release of hold ${hold.id}`}>
      <p>Release? Retention may then delete what it covered once its period ends. Your name, the time and the reason are recorded.</p>
      <FormField id={`release-reason-${hold.id}`} label={`Reason for releasing hold ${hold.id}`} error={reasonError}>
        {(control) => <textarea {...control} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={MAX_REASON_LENGTH} required />}
      </FormField>
      <div className="form-actions">
        <button type="button" className="btn btn-danger btn-small" onClick={() => void release()} disabled={busy}>
          Confirm release of hold {hold.id}
        </button>
        <button type="button" className="btn btn-quiet btn-small" onClick={() => setConfirming(false)} disabled={busy}>
          Keep hold {hold.id}
        </button>
      </div>
      <FormMessage error={error} />
    </div>
  );
}
