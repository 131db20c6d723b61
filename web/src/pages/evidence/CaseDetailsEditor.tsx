import { useState, type FormEvent } from "react";
import { formErrors } from "../../api/errors";
import {
  caseDetailsForm,
  caseDetailsPatch,
  CASE_DETAIL_LIMITS,
  type CaseDetailsErrors,
  type CaseDetailsForm as Form,
} from "./caseDetails";
import { FormField, FormMessage } from "../../components/FormField";
import { SubmitActions } from "../../components/SubmitActions";
import { useCaseUpdate, type CaseChangeProps } from "./useCaseUpdate";
import { t } from "../../i18n/catalogue";

const FIELDS = Object.keys(CASE_DETAIL_LIMITS);

/** "Edit details": title, incident reference and description. The reference is fixed (custody cites it);
 * each change is audited with the old and the new value. */
export function CaseDetailsEditor(props: CaseChangeProps) {
  const { theCase } = props;
  const [form, setForm] = useState<Form | null>(null);
  const [checkErrors, setCheckErrors] = useState<CaseDetailsErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const save = useCaseUpdate(props, () => {
    setForm(null);
    setDone(t("evidence.caseDetailsSaved"));
  });
  const refused = save.failure ? formErrors(save.failure, FIELDS) : null;
  const errors = refused?.fields ?? checkErrors;

  const start = () => {
    setForm(caseDetailsForm(theCase));
    setCheckErrors({});
    save.reset();
    setDone(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    const checked = caseDetailsPatch(theCase, form);
    save.reset();
    if ("errors" in checked) {
      setCheckErrors(checked.errors);
      return;
    }
    setCheckErrors({});
    if (Object.keys(checked.patch).length === 0) {
      setForm(null);
      setDone(t("evidence.nothingChanged"));
      return;
    }
    void save.run(checked.patch);
  };

  if (!form)
    return (
      <div className="form-actions">
        <button type="button" className="btn" onClick={start}>
          {t("evidence.editDetails")}
        </button>
        <FormMessage ok={done} />
      </div>
    );
  const set = (key: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <form className="card form-grid case-details-form" onSubmit={submit} aria-labelledby="case-details-title" noValidate>
      <h2 id="case-details-title">{t("evidence.editCaseDetails")}</h2>
      <p className="muted">{t("evidence.theCaseReferenceCannot", { reference: theCase.reference })}</p>
      <FormField id="case-edit-title" label={t("evidence.caseTitle")} error={errors.title}>
        {(control) => <input {...control} value={form.title} onChange={set("title")} required maxLength={CASE_DETAIL_LIMITS.title} autoComplete="off" />}
      </FormField>
      <FormField id="case-edit-incident" label={t("evidence.incidentReference")} error={errors.incident_ref}>
        {(control) => <input {...control} value={form.incident_ref} onChange={set("incident_ref")} maxLength={CASE_DETAIL_LIMITS.incident_ref} autoComplete="off" />}
      </FormField>
      <FormField id="case-edit-description" label={t("evidence.caseDescription")} error={errors.description}>
        {(control) => <textarea {...control} value={form.description} onChange={set("description")} rows={3} maxLength={CASE_DETAIL_LIMITS.description} />}
      </FormField>
      <SubmitActions label={t("evidence.saveDetails")} busyLabel={t("evidence.saving")} busy={save.busy} error={refused?.form}>
        <button type="button" className="btn btn-quiet" onClick={() => setForm(null)} disabled={save.busy}>
          {t("evidence.cancel")}
        </button>
      </SubmitActions>
    </form>
  );
}
