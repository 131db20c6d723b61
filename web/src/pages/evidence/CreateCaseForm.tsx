import { useState, type FormEvent } from "react";
import { useAuth } from "../../auth/AuthContext";
import { formErrors, type FormErrors } from "../../api/errors";
import { useMutation } from "../../api/useMutation";
import { FormField } from "../../components/FormField";
import { SubmitActions } from "../../components/SubmitActions";
import type { EvidenceCase } from "./types";
import { t } from "../../i18n/catalogue";

const EMPTY = { reference: "", title: "", description: "", incident_ref: "" };
const FIELDS = Object.keys(EMPTY);
const NO_ERRORS: FormErrors = { fields: {}, form: null };

export function CreateCaseForm({ onCreated }: { onCreated: (created: EvidenceCase) => void }) {
  const { client } = useAuth();
  const [form, setForm] = useState(EMPTY);
  const [done, setDone] = useState<string | null>(null);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const create = useMutation(
    (draft: typeof EMPTY) =>
      client.POST("/api/v1/evidence/cases", {
        body: { ...draft, reference: draft.reference.trim(), title: draft.title.trim() },
      }),
    {
      onSuccess: (created) => {
        setForm(EMPTY);
        setDone(t("evidence.openedCase", { reference: created.reference }));
        onCreated(created);
      },
    },
  );
  const errors = create.failure ? formErrors(create.failure, FIELDS) : NO_ERRORS;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    void create.run(form);
  };

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="create-case-title" noValidate>
      <h2 id="create-case-title">{t("evidence.openACase")}</h2>
      <FormField id="case-reference" label={t("evidence.caseReference")} error={errors.fields.reference} hint="e.g. FIR 123/2026">
        {(control) => <input {...control} value={form.reference} onChange={set("reference")} required maxLength={128} autoComplete="off" />}
      </FormField>
      <FormField id="case-title" label={t("evidence.title")} error={errors.fields.title}>
        {(control) => <input {...control} value={form.title} onChange={set("title")} required maxLength={200} autoComplete="off" />}
      </FormField>
      <FormField id="case-incident" label={t("evidence.incidentReferenceOptional")} error={errors.fields.incident_ref}>
        {(control) => <input {...control} value={form.incident_ref} onChange={set("incident_ref")} maxLength={128} autoComplete="off" />}
      </FormField>
      <FormField id="case-description" label={t("evidence.descriptionOptional")} error={errors.fields.description}>
        {(control) => <textarea {...control} value={form.description} onChange={set("description")} rows={2} maxLength={10_000} />}
      </FormField>
      <SubmitActions label={t("evidence.openCase")} busyLabel={t("evidence.opening")} busy={create.busy} error={errors.form} ok={done} />
    </form>
  );
}
