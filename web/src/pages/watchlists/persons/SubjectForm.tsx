import { useId } from "react";
import { useAuth } from "../../../auth/AuthContext";
import { FieldError, FormField } from "../../../components/FormField";
import { FORM, type FormErrors } from "../shared/apiErrors";
import { useDraftForm } from "../shared/useDraftForm";
import { expiryDateError, expiryDateOf } from "../shared/expiry";
import { CaseRefField, ExpiryField, ReasonField } from "../shared/ListingFields";
import { SUBJECT_CATEGORIES, SUBJECT_CATEGORY_LABELS, type Subject, type SubjectCategory } from "../types";

export interface SubjectDraft {
  id: string;
  name: string;
  category: SubjectCategory;
  case_ref: string;
  legal_authority: string;
  reason: string;
  expires: string;
}

const FIELDS = ["id", "name", "category", "case_ref", "legal_authority", "reason", "expires_at"] as const;
const SUBJECT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

function draftOf(subject: Subject | null): SubjectDraft {
  return subject
    ? {
        id: subject.id,
        name: subject.name,
        category: subject.category,
        case_ref: subject.case_ref,
        legal_authority: subject.legal_authority,
        reason: subject.reason,
        expires: expiryDateOf(subject.expires_at),
      }
    : { id: "", name: "", category: "wanted", case_ref: "", legal_authority: "", reason: "", expires: "" };
}

export function validateSubject(draft: SubjectDraft, creating: boolean, now: Date = new Date()): FormErrors {
  const errors: FormErrors = {};
  if (creating && draft.id.trim() && !SUBJECT_ID.test(draft.id.trim()))
    errors.id = "Letters, digits, '.', '_' or '-', starting with a letter or digit; at most 64.";
  if (!draft.name.trim()) errors.name = "Enter the person's name.";
  if (!draft.legal_authority.trim())
    errors.legal_authority = "State the legal basis (warrant, court order, missing-person report…).";
  if (!draft.reason.trim()) errors.reason = "State why this person is on the watchlist.";
  const expiry = expiryDateError(draft.expires, now);
  if (expiry) errors.expires_at = expiry;
  return errors;
}

function changesOf(draft: SubjectDraft, original: Subject): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  const text = ["name", "case_ref", "legal_authority", "reason"] as const;
  for (const key of text) if (draft[key].trim() !== original[key]) changes[key] = draft[key].trim();
  if (draft.category !== original.category) changes.category = draft.category;
  if (draft.expires !== expiryDateOf(original.expires_at)) changes.expires_at = draft.expires || null;
  return changes;
}

/** Create a watchlist subject (no `subject`) or edit one; the legal basis and reason are required. */
export function SubjectForm({ subject, onSaved }: { subject: Subject | null; onSaved: (saved: Subject) => void }) {
  const { client } = useAuth();
  const creating = subject === null;
  const { draft, errors, busy, set, submit } = useDraftForm({
    initial: () => draftOf(subject),
    creating,
    validate: (checked: SubjectDraft) => validateSubject(checked, creating),
    save: (checked: SubjectDraft) =>
      subject === null
        ? client.post<Subject>("/api/v1/watchlists/persons", {
            ...(checked.id.trim() ? { id: checked.id.trim() } : {}),
            name: checked.name.trim(),
            category: checked.category,
            case_ref: checked.case_ref.trim(),
            legal_authority: checked.legal_authority.trim(),
            reason: checked.reason.trim(),
            expires_at: checked.expires || null,
          })
        : client.patch<Subject>(`/api/v1/watchlists/persons/${encodeURIComponent(subject.id)}`, changesOf(checked, subject)),
    onSaved,
    fields: FIELDS,
    conflictField: "id",
  });
  const id = useId();
  const titleId = `${id}-title`;

  return (
    <form className="card form-grid" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{creating ? "Add person" : `Edit ${subject.name}`}</h2>
      <FormField id={`${id}-name`} label="Name" error={errors.name}>
        {(control) => <input {...control} value={draft.name} maxLength={200} autoComplete="off" onChange={set("name")} />}
      </FormField>
      {creating ? (
        <FormField id={`${id}-id`} label="Subject id (optional)" hint="Generated when left empty" error={errors.id}>
          {(control) => <input {...control} value={draft.id} maxLength={64} autoComplete="off" onChange={set("id")} />}
        </FormField>
      ) : null}
      <FormField id={`${id}-category`} label="Category" error={errors.category}>
        {(control) => (
          <select {...control} value={draft.category} onChange={set("category")}>
            {SUBJECT_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {SUBJECT_CATEGORY_LABELS[category]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <CaseRefField formId={id} value={draft.case_ref} error={errors.case_ref} onChange={set("case_ref")} />
      <ExpiryField
        formId={id}
        hint="Matched through this day (UTC), never after"
        value={draft.expires}
        error={errors.expires_at}
        onChange={set("expires")}
      />
      <FormField
        id={`${id}-authority`}
        label="Legal basis"
        hint="Warrant, court order, missing-person report… A person without one cannot be enrolled."
        error={errors.legal_authority}
        className="wl-wide"
      >
        {(control) => (
          <input {...control} value={draft.legal_authority} maxLength={500} onChange={set("legal_authority")} />
        )}
      </FormField>
      <ReasonField formId={id} value={draft.reason} error={errors.reason} onChange={set("reason")} />
      <div className="form-actions wl-wide">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {creating ? (busy ? "Adding…" : "Add person") : busy ? "Saving…" : "Save person"}
        </button>
        {errors[FORM] ? <FieldError>{errors[FORM]}</FieldError> : null}
      </div>
    </form>
  );
}
