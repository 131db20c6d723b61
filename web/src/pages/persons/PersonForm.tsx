import { useId, useState, type FormEvent } from "react";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { FormField } from "../../components/FormField";
import { SubmitActions } from "../../components/SubmitActions";
import { t } from "../../i18n/catalogue";
import { DraftChoice } from "./DraftInput";
import { FirRows } from "./FirRows";
import {
  CNIC_PATTERN,
  createBody,
  draftOf,
  patchBody,
  refusalErrors,
  validateDraft,
  type DraftErrors,
  type PersonDraft,
} from "./personDraft";
import { GENDERS, genderLabel, PERSON_STATUSES, statusLabel, type Person } from "./types";

/** Create a record (no `person`) or edit one; an edit says why. A refusal shows beside the field it names. */
export function PersonForm({ person, onSaved }: { person: Person | null; onSaved: (saved: Person) => void }) {
  const { client } = useAuth();
  const editing = person !== null;
  const [draft, setDraft] = useState<PersonDraft>(() => draftOf(person));
  const [checked, setChecked] = useState<DraftErrors>({});
  const save = useMutation(
    (ready: PersonDraft) =>
      person === null
        ? client.POST("/api/v1/persons", { body: createBody(ready) })
        : client.PATCH("/api/v1/persons/{person_id}", {
            params: { path: { person_id: person.id } },
            body: patchBody(ready, person),
          }),
    { onSuccess: (saved) => onSaved(saved) },
  );
  const errors: DraftErrors = save.failure ? refusalErrors(save.failure) : save.error ? { form: save.error } : checked;
  const id = useId();
  const binding = { draft, onDraft: setDraft, errors };
  const set = (key: keyof PersonDraft) => (event: { target: { value: string } }) =>
    setDraft((previous) => ({ ...previous, [key]: event.target.value }));
  const cnicLooksWrong = draft.cnic.trim() !== "" && !CNIC_PATTERN.test(draft.cnic.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(draft, editing);
    save.reset();
    setChecked(found);
    if (Object.keys(found).length === 0) void save.run(draft);
  };

  return (
    <form className="card form-grid persons-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{editing ? t("persons.form.editTitle", { name: person.name }) : t("persons.form.newTitle")}</h2>
      <FormField id={`${id}-name`} label={t("persons.field.name")} error={errors.name}>
        {(control) => <input {...control} value={draft.name} maxLength={200} autoComplete="off" onChange={set("name")} />}
      </FormField>
      <FormField id={`${id}-aliases`} label={t("persons.field.aliases")} hint={t("persons.form.aliasesHint")} error={errors.aliases}>
        {(control) => <textarea {...control} value={draft.aliases} rows={2} onChange={set("aliases")} />}
      </FormField>
      <FormField id={`${id}-father`} label={t("persons.field.fatherName")} error={errors.father_name}>
        {(control) => <input {...control} value={draft.father_name} maxLength={200} autoComplete="off" onChange={set("father_name")} />}
      </FormField>
      <FormField id={`${id}-dob`} label={t("persons.field.dateOfBirth")} error={errors.date_of_birth}>
        {(control) => <input {...control} type="date" value={draft.date_of_birth} onChange={set("date_of_birth")} />}
      </FormField>
      <DraftChoice id={`${id}-gender`} label={t("persons.field.gender")} field="gender" values={GENDERS} words={genderLabel} none={t("persons.form.notRecorded")} {...binding} />
      <FormField
        id={`${id}-cnic`}
        label={t("persons.field.cnic")}
        hint={
          cnicLooksWrong
            ? t("persons.form.cnicLooksWrong")
            : editing && person.cnic_masked
              ? t("persons.form.cnicKept", { masked: person.cnic_masked })
              : t("persons.form.cnicHint")
        }
        error={errors.cnic}
      >
        {(control) => <input {...control} value={draft.cnic} inputMode="numeric" maxLength={20} autoComplete="off" onChange={set("cnic")} />}
      </FormField>
      <DraftChoice id={`${id}-status`} label={t("persons.field.status")} field="status" values={PERSON_STATUSES} words={statusLabel} {...binding} />
      <FormField id={`${id}-basis`} label={t("persons.field.legalBasis")} hint={t("persons.form.legalBasisHint")} error={errors.legal_basis} className="wide">
        {(control) => <input {...control} value={draft.legal_basis} maxLength={1000} onChange={set("legal_basis")} />}
      </FormField>
      <FormField id={`${id}-expires`} label={t("persons.field.legalBasisExpires")} hint={t("persons.form.expiresHint")} error={errors.legal_basis_expires}>
        {(control) => <input {...control} type="date" value={draft.legal_basis_expires} onChange={set("legal_basis_expires")} />}
      </FormField>
      <FormField id={`${id}-review`} label={t("persons.field.reviewDate")} hint={t("persons.form.reviewHint")} error={errors.review_date}>
        {(control) => <input {...control} type="date" value={draft.review_date} onChange={set("review_date")} />}
      </FormField>
      <FirRows formId={id} rows={draft.firs} error={errors.firs} onChange={(firs) => setDraft({ ...draft, firs })} />
      <FormField id={`${id}-notes`} label={t("persons.field.notes")} error={errors.notes} className="wide">
        {(control) => <textarea {...control} value={draft.notes} rows={3} maxLength={5000} onChange={set("notes")} />}
      </FormField>
      {editing ? (
        <FormField id={`${id}-reason`} label={t("persons.field.reason")} hint={t("persons.form.reasonHint")} error={errors.reason} className="wide">
          {(control) => <input {...control} value={draft.reason} maxLength={1000} onChange={set("reason")} />}
        </FormField>
      ) : null}
      <SubmitActions
        className="wide"
        label={editing ? t("persons.form.save") : t("persons.form.create")}
        busyLabel={t("persons.form.saving")}
        busy={save.busy}
        error={errors.form}
      />
    </form>
  );
}
