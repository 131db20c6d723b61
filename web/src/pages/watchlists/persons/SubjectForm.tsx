import { useId } from "react";
import { useAuth } from "../../../auth/AuthContext";
import { ChoiceSelect } from "../../../components/ChoiceSelect";
import { FormField } from "../../../components/FormField";
import type { FormErrors } from "../shared/apiErrors";
import { DraftFormCard } from "../shared/DraftFormCard";
import { useDraftForm } from "../shared/useDraftForm";
import { changedTexts, listingBody, listingChanges, listingDraftOf, listingErrors, type ListingDraft } from "../shared/listing";
import { CaseRefField, ExpiryField, ReasonField } from "../shared/ListingFields";
import { SUBJECT_CATEGORIES, subjectCategoryLabel, type Subject, type SubjectCategory } from "../types";
import { t } from "../../../i18n/catalogue";

export interface SubjectDraft extends ListingDraft {
  id: string;
  name: string;
  category: SubjectCategory;
  legal_authority: string;
}

const FIELDS = ["id", "name", "category", "case_ref", "legal_authority", "reason", "expires_at"] as const;
const SUBJECT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

function draftOf(subject: Subject | null): SubjectDraft {
  return {
    ...listingDraftOf(subject),
    id: subject?.id ?? "",
    name: subject?.name ?? "",
    // SubjectOut types the category as a string; the server stores only the categories SubjectIn accepts.
    category: (subject?.category as SubjectCategory | undefined) ?? "wanted",
    legal_authority: subject?.legal_authority ?? "",
  };
}

export function validateSubject(draft: SubjectDraft, creating: boolean, now: Date = new Date()): FormErrors {
  const errors = listingErrors(draft, t("watchlists.persons.stateWhyThisPerson"), now);
  if (creating && draft.id.trim() && !SUBJECT_ID.test(draft.id.trim()))
    errors.id = "Letters, digits, '.', '_' or '-', starting with a letter or digit; at most 64.";
  if (!draft.name.trim()) errors.name = "Enter the person's name.";
  if (!draft.legal_authority.trim())
    errors.legal_authority = "State the legal basis (warrant, court order, missing-person report…).";
  return errors;
}

function changesOf(draft: SubjectDraft, original: Subject): Record<string, string | null> {
  const changes = { ...listingChanges(draft, original), ...changedTexts(draft, original, ["name", "legal_authority"]) };
  return draft.category === original.category ? changes : { ...changes, category: draft.category };
}

/** Create a watchlist subject (no `subject`) or edit one; the legal basis and reason are required. */
export function SubjectForm({ subject, onSaved }: { subject: Subject | null; onSaved: (saved: Subject) => void }) {
  const { client } = useAuth();
  const creating = subject === null;
  const form = useDraftForm({
    original: subject,
    draftOf,
    validate: validateSubject,
    create: (checked) =>
      client.POST("/api/v1/watchlists/persons", {
        body: {
          ...(checked.id.trim() ? { id: checked.id.trim() } : {}),
          name: checked.name.trim(),
          category: checked.category,
          legal_authority: checked.legal_authority.trim(),
          ...listingBody(checked),
        },
      }),
    update: (checked, stored) =>
      client.PATCH("/api/v1/watchlists/persons/{subject_id}", {
        params: { path: { subject_id: stored.id } },
        body: changesOf(checked, stored),
      }),
    onSaved,
    fields: FIELDS,
    conflictField: "id",
  });
  const { draft, errors, set, setValue } = form;
  const id = useId();

  return (
    <DraftFormCard
      id={id}
      title={creating ? t("watchlists.persons.addPerson") : t("watchlists.persons.edit", { name: subject.name })}
      form={form}
      label={creating ? t("watchlists.persons.addPerson") : t("watchlists.persons.savePerson")}
      busyLabel={creating ? t("watchlists.persons.adding") : t("watchlists.persons.saving")}
    >
      <FormField id={`${id}-name`} label={t("watchlists.persons.name")} error={errors.name}>
        {(control) => <input {...control} value={draft.name} maxLength={200} autoComplete="off" onChange={set("name")} />}
      </FormField>
      {creating ? (
        <FormField id={`${id}-id`} label={t("watchlists.persons.subjectIdOptional")} hint={t("watchlists.persons.generatedWhenLeftEmpty")} error={errors.id}>
          {(control) => <input {...control} value={draft.id} maxLength={64} autoComplete="off" onChange={set("id")} />}
        </FormField>
      ) : null}
      <FormField id={`${id}-category`} label={t("watchlists.persons.category")} error={errors.category}>
        {(control) => (
          <ChoiceSelect
            {...control}
            values={SUBJECT_CATEGORIES}
            label={subjectCategoryLabel}
            value={draft.category}
            onChange={(category) => setValue("category", category)}
          />
        )}
      </FormField>
      <CaseRefField formId={id} value={draft.case_ref} error={errors.case_ref} onChange={set("case_ref")} />
      <ExpiryField
        formId={id}
        hint={t("watchlists.persons.matchedThroughThisDay")}
        value={draft.expires}
        error={errors.expires_at}
        onChange={set("expires")}
      />
      <FormField
        id={`${id}-authority`}
        label={t("watchlists.persons.legalBasis")}
        hint={t("watchlists.persons.warrantCourtOrderMissing")}
        error={errors.legal_authority}
        className="wl-wide"
      >
        {(control) => (
          <input {...control} value={draft.legal_authority} maxLength={500} onChange={set("legal_authority")} />
        )}
      </FormField>
      <ReasonField formId={id} value={draft.reason} error={errors.reason} onChange={set("reason")} />
    </DraftFormCard>
  );
}
