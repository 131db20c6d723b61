import { useState, type FormEvent } from "react";
import { formErrors } from "../../api/errors";
import { useAuth } from "../../auth/AuthContext";
import { caseDetailsForm, caseDetailsPatch, CASE_DETAIL_LIMITS, type CaseDetailsErrors, type CaseDetailsForm as Form } from "./caseDetails";
import { FormField, FormMessage } from "../../components/FormField";
import type { EvidenceCase } from "./types";

const FIELDS = Object.keys(CASE_DETAIL_LIMITS);

/** "Edit details": title, incident reference and description. The reference is fixed (custody cites it);
 * each change is audited with the old and the new value. */
export function CaseDetailsEditor({
  theCase,
  onChanged,
}: {
  theCase: EvidenceCase;
  onChanged: (updated: EvidenceCase) => void;
}) {
  const { client } = useAuth();
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<CaseDetailsErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = () => {
    setForm(caseDetailsForm(theCase));
    setErrors({});
    setGeneral(null);
    setDone(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    const checked = caseDetailsPatch(theCase, form);
    if ("errors" in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setGeneral(null);
    if (Object.keys(checked.patch).length === 0) {
      setForm(null);
      setDone("Nothing changed.");
      return;
    }
    setBusy(true);
    try {
      const updated = await client.patch<EvidenceCase>(`/api/v1/evidence/cases/${theCase.id}`, checked.patch);
      setForm(null);
      setDone("Case details saved.");
      onChanged(updated);
    } catch (caught) {
      const refused = formErrors(caught, FIELDS);
      setErrors(refused.fields);
      setGeneral(refused.form);
    } finally {
      setBusy(false);
    }
  };

  if (!form)
    return (
      <div className="form-actions">
        <button type="button" className="btn" onClick={start}>
          Edit details
        </button>
        <FormMessage ok={done} />
      </div>
    );
  const set = (key: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <form className="card form-grid case-details-form" onSubmit={submit} aria-labelledby="case-details-title" noValidate>
      <h2 id="case-details-title">Edit case details</h2>
      <p className="muted">The case reference {theCase.reference} cannot be changed. Every change is audited.</p>
      <FormField id="case-edit-title" label="Case title" error={errors.title}>
        {(control) => <input {...control} value={form.title} onChange={set("title")} required maxLength={CASE_DETAIL_LIMITS.title} autoComplete="off" />}
      </FormField>
      <FormField id="case-edit-incident" label="Incident reference" error={errors.incident_ref}>
        {(control) => <input {...control} value={form.incident_ref} onChange={set("incident_ref")} maxLength={CASE_DETAIL_LIMITS.incident_ref} autoComplete="off" />}
      </FormField>
      <FormField id="case-edit-description" label="Case description" error={errors.description}>
        {(control) => <textarea {...control} value={form.description} onChange={set("description")} rows={3} maxLength={CASE_DETAIL_LIMITS.description} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Saving…" : "Save details"}
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => setForm(null)} disabled={busy}>
          Cancel
        </button>
        <FormMessage error={general} />
      </div>
    </form>
  );
}
