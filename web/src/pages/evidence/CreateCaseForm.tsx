import { useState, type FormEvent } from "react";
import { useAuth } from "../../auth/AuthContext";
import { Field, FormMessage } from "./fields";
import { callApi, splitErrors, type SplitErrors } from "./http";
import type { EvidenceCase } from "./types";

const EMPTY = { reference: "", title: "", description: "", incident_ref: "" };
const FIELDS = Object.keys(EMPTY);

export function CreateCaseForm({ onCreated }: { onCreated: (created: EvidenceCase) => void }) {
  const { client } = useAuth();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<SplitErrors>({ fields: {}, general: null });
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setDone(null);
    setErrors({ fields: {}, general: null });
    try {
      const created = await callApi<EvidenceCase>(client, "POST", "/api/v1/evidence/cases", {
        json: { ...form, reference: form.reference.trim(), title: form.title.trim() },
      });
      setForm(EMPTY);
      setDone(`Opened case ${created.reference}.`);
      onCreated(created);
    } catch (caught) {
      setErrors(splitErrors(caught, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="create-case-title" noValidate>
      <h2 id="create-case-title">Open a case</h2>
      <Field id="case-reference" label="Case reference" error={errors.fields.reference} hint="e.g. FIR 123/2026">
        <input value={form.reference} onChange={set("reference")} required maxLength={128} autoComplete="off" />
      </Field>
      <Field id="case-title" label="Title" error={errors.fields.title}>
        <input value={form.title} onChange={set("title")} required maxLength={200} autoComplete="off" />
      </Field>
      <Field id="case-incident" label="Incident reference (optional)" error={errors.fields.incident_ref}>
        <input value={form.incident_ref} onChange={set("incident_ref")} maxLength={128} autoComplete="off" />
      </Field>
      <Field id="case-description" label="Description (optional)" error={errors.fields.description}>
        <textarea value={form.description} onChange={set("description")} rows={2} maxLength={10_000} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Opening…" : "Open case"}
        </button>
        <FormMessage error={errors.general} ok={done} />
      </div>
    </form>
  );
}
