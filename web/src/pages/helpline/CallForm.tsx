import { useId, type FormEvent } from "react";
import { FormField } from "../../components/FormField";
import { SubmitActions } from "../../components/SubmitActions";
import { t } from "../../i18n/catalogue";
import type { IncidentType } from "../incidents/types";
import { DISPOSITION_LABEL, DISPOSITIONS, type CallForm as Form, type CallFormErrors } from "./call";
import { Options } from "../../components/Options";

/** The call-taker's form: number, outcome (with the incident type or the incident it duplicates), place, notes. */
export function CallForm({
  form,
  errors,
  types,
  busy,
  error,
  onChange,
  onSubmit,
}: {
  form: Form;
  errors: CallFormErrors;
  types: readonly IncidentType[];
  busy: boolean;
  error: string | null;
  onChange: (form: Form) => void;
  onSubmit: () => void;
}) {
  const id = useId();
  const set = (changes: Partial<Form>) => onChange({ ...form, ...changes });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="card helpline-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t("helpline.newCall")}</h2>
      <FormField id={`${id}-number`} label={t("helpline.number")} error={errors.number}>
        {(control) => (
          <input {...control} type="tel" autoComplete="off" value={form.number} onChange={(e) => set({ number: e.target.value })} />
        )}
      </FormField>
      <FormField id={`${id}-disposition`} label={t("helpline.disposition")}>
        {(control) => (
          <select {...control} value={form.disposition} onChange={(e) => set({ disposition: e.target.value as Form["disposition"] })}>
            <Options items={DISPOSITIONS} label={(d) => DISPOSITION_LABEL[d]} />
          </select>
        )}
      </FormField>
      {form.disposition === "incident" ? (
        <FormField id={`${id}-type`} label={t("helpline.type")} error={errors.type}>
          {(control) => (
            <select {...control} value={form.type} onChange={(e) => set({ type: e.target.value })}>
              <option value="">—</option>
              <Options items={types} value={(type) => type.code} label={(type) => type.label} />
            </select>
          )}
        </FormField>
      ) : null}
      {form.disposition === "duplicate" ? (
        <FormField id={`${id}-incident`} label={t("helpline.linkTo")} error={errors.incidentId}>
          {(control) => (
            <input {...control} inputMode="numeric" value={form.incidentId} onChange={(e) => set({ incidentId: e.target.value })} />
          )}
        </FormField>
      ) : null}
      <div className="form-row">
        <FormField id={`${id}-lat`} label={t("helpline.latitude")} error={errors.latitude}>
          {(control) => <input {...control} inputMode="decimal" value={form.latitude} onChange={(e) => set({ latitude: e.target.value })} />}
        </FormField>
        <FormField id={`${id}-lon`} label={t("helpline.longitude")} error={errors.longitude}>
          {(control) => <input {...control} inputMode="decimal" value={form.longitude} onChange={(e) => set({ longitude: e.target.value })} />}
        </FormField>
      </div>
      <FormField id={`${id}-address`} label={t("helpline.address")}>
        {(control) => <input {...control} value={form.address} onChange={(e) => set({ address: e.target.value })} />}
      </FormField>
      <FormField id={`${id}-notes`} label={t("common.notes")}>
        {(control) => <textarea {...control} rows={3} value={form.notes} onChange={(e) => set({ notes: e.target.value })} />}
      </FormField>
      <SubmitActions label={t("helpline.save")} busyLabel={t("helpline.saving")} busy={busy} error={error} />
    </form>
  );
}
