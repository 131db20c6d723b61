import { useState, type FormEvent } from "react";
import { useAuth } from "../../auth/AuthContext";
import { Field, FormMessage } from "../evidence/fields";
import { callApi, splitErrors } from "../evidence/http";
import type { EvidenceCase } from "../evidence/types";
import { buildHoldRequest, EMPTY_HOLD_FORM, type HoldErrors, type HoldForm } from "./holds";
import { HOLD_SCOPES, type HoldScope, type LegalHold } from "./types";

const API_FIELDS = ["scope", "reason", "case_id", "item_id", "camera_id", "start", "end", "case_ref"];
const SCOPE_LABELS: Record<HoldScope, string> = {
  case: "A whole case",
  item: "One evidence item",
  camera: "A camera's recordings over a time range",
};

export function CreateHoldForm({
  cases,
  onPlaced,
}: {
  cases: readonly EvidenceCase[] | null;
  onPlaced: (hold: LegalHold) => void;
}) {
  const { client } = useAuth();
  const [form, setForm] = useState<HoldForm>(EMPTY_HOLD_FORM);
  const [errors, setErrors] = useState<HoldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof HoldForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setGeneral(null);
    const built = buildHoldRequest(form);
    if ("errors" in built) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const hold = await callApi<LegalHold>(client, "POST", "/api/v1/holds", { json: built.request });
      setForm({ ...EMPTY_HOLD_FORM, scope: form.scope });
      setDone(`Placed hold ${hold.id}.`);
      onPlaced(hold);
    } catch (caught) {
      const split = splitErrors(caught, API_FIELDS);
      setErrors(split.fields);
      setGeneral(split.general);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="create-hold-title" noValidate>
      <h2 id="create-hold-title">Place a legal hold</h2>
      <Field id="hold-scope" label="Hold covers" error={errors.scope}>
        <select value={form.scope} onChange={set("scope")}>
          {HOLD_SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {SCOPE_LABELS[scope]}
            </option>
          ))}
        </select>
      </Field>
      {form.scope === "case" ? (
        <Field id="hold-case" label="Case" error={errors.case_id}>
          <select value={form.caseId} onChange={set("caseId")}>
            <option value="">Choose a case…</option>
            {(cases ?? []).map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.reference}: {c.title} ({c.status})
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {form.scope === "item" ? (
        <Field id="hold-item" label="Evidence item number" error={errors.item_id}>
          <input type="number" min={1} step={1} inputMode="numeric" value={form.itemId} onChange={set("itemId")} />
        </Field>
      ) : null}
      {form.scope === "camera" ? (
        <>
          <Field id="hold-camera" label="Camera (empty: all cameras)" error={errors.camera_id}>
            <input value={form.cameraId} onChange={set("cameraId")} maxLength={128} autoComplete="off" />
          </Field>
          <Field id="hold-start" label="From (empty: from the beginning)" error={errors.start}>
            <input type="datetime-local" step={1} value={form.start} onChange={set("start")} />
          </Field>
          <Field id="hold-end" label="Until (empty: open-ended)" error={errors.end}>
            <input type="datetime-local" step={1} value={form.end} onChange={set("end")} />
          </Field>
        </>
      ) : null}
      <Field id="hold-reason" label="Reason" error={errors.reason}>
        <textarea value={form.reason} onChange={set("reason")} rows={2} maxLength={2000} />
      </Field>
      <Field id="hold-case-ref" label="Case reference (optional)" error={errors.case_ref} hint="Court order or FIR number">
        <input value={form.caseRef} onChange={set("caseRef")} maxLength={128} autoComplete="off" />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Placing…" : "Place hold"}
        </button>
        <FormMessage error={general} ok={done} />
      </div>
    </form>
  );
}
