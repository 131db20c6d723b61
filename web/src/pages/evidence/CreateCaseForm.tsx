import { useState, type FormEvent } from "react";
import { useAuth } from "../../auth/AuthContext";
import { formErrors, type FormErrors } from "../../api/errors";
import { FormField, FormMessage } from "../../components/FormField";
import type { EvidenceCase } from "./types";

const EMPTY = { reference: "", title: "", description: "", incident_ref: "" };
const FIELDS = Object.keys(EMPTY);

export function CreateCaseForm({ onCreated }: { onCreated: (created: EvidenceCase) => void }) {
  const { client } = useAuth();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setDone(null);
    setErrors({ fields: {}, form: null });
    try {
      const created = await client.post<EvidenceCase>("/api/v1/evidence/cases", {
        ...form,
        reference: form.reference.trim(),
        title: form.title.trim(),
      });
      setForm(EMPTY);
      setDone(`Opened case ${created.reference}.`);
      onCreated(created);
    } catch (caught) {
      setErrors(formErrors(caught, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="create-case-title" noValidate>
      <h2 id="create-case-title">Open a case</h2>
      <FormField id="case-reference" label="Case reference" error={errors.fields.reference} hint="e.g. FIR 123/2026">
        {(control) => <input {...control} value={form.reference} onChange={set("reference")} required maxLength={128} autoComplete="off" />}
      </FormField>
      <FormField id="case-title" label="Title" error={errors.fields.title}>
        {(control) => <input {...control} value={form.title} onChange={set("title")} required maxLength={200} autoComplete="off" />}
      </FormField>
      <FormField id="case-incident" label="Incident reference (optional)" error={errors.fields.incident_ref}>
        {(control) => <input {...control} value={form.incident_ref} onChange={set("incident_ref")} maxLength={128} autoComplete="off" />}
      </FormField>
      <FormField id="case-description" label="Description (optional)" error={errors.fields.description}>
        {(control) => <textarea {...control} value={form.description} onChange={set("description")} rows={2} maxLength={10_000} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Opening…" : "Open case"}
        </button>
        <FormMessage error={errors.form} ok={done} />
      </div>
    </form>
  );
}
