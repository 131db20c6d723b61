import { useEffect, useId, useRef } from "react";
import { useAuth } from "../../../auth/AuthContext";
import { FieldError, FormField } from "../../../components/FormField";
import { FORM, type FormErrors } from "../shared/apiErrors";
import { useDraftForm } from "../shared/useDraftForm";
import { expiryDateError, expiryDateOf } from "../shared/expiry";
import { CaseRefField, ExpiryField, ReasonField } from "../shared/ListingFields";
import type { HotlistEntry } from "../types";
import { MAX_PLATE_LENGTH, usePlateKey } from "./usePlateKey";

export interface EntryDraft {
  plate: string;
  reason: string;
  case_ref: string;
  vehicle: string;
  expires: string;
}

const FIELDS = ["plate", "reason", "case_ref", "vehicle", "expires_at"] as const;

function draftOf(entry: HotlistEntry | null): EntryDraft {
  return entry
    ? {
        plate: entry.plate,
        reason: entry.reason,
        case_ref: entry.case_ref,
        vehicle: entry.vehicle,
        expires: expiryDateOf(entry.expires_at),
      }
    : { plate: "", reason: "", case_ref: "", vehicle: "", expires: "" };
}

export function validateEntry(draft: EntryDraft, creating: boolean, now: Date = new Date()): FormErrors {
  const errors: FormErrors = {};
  // The plate's own rules are the server's: the preview shows its verdict, and a refusal comes back as a 422.
  if (creating && !draft.plate.trim()) errors.plate = "Enter the plate.";
  if (!draft.reason.trim()) errors.reason = "State why this vehicle is on the list.";
  const expiry = expiryDateError(draft.expires, now);
  if (expiry) errors.expires_at = expiry;
  return errors;
}

function changesOf(draft: EntryDraft, original: HotlistEntry): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  if (draft.reason.trim() !== original.reason) changes.reason = draft.reason.trim();
  if (draft.case_ref.trim() !== original.case_ref) changes.case_ref = draft.case_ref.trim();
  if (draft.vehicle.trim() !== original.vehicle) changes.vehicle = draft.vehicle.trim();
  if (draft.expires !== expiryDateOf(original.expires_at)) changes.expires_at = draft.expires || null;
  return changes;
}

/** Add a plate to a hotlist (no `entry`), or edit an entry (its plate cannot change). */
export function EntryForm({
  hotlistId,
  entry,
  existing,
  onSaved,
  onCancel,
}: {
  hotlistId: number;
  entry: HotlistEntry | null;
  /** The list's entries, to say before saving that a plate is already on it. */
  existing: readonly HotlistEntry[];
  onSaved: (saved: HotlistEntry, wasOnList: boolean) => void;
  onCancel?: () => void;
}) {
  const { client } = useAuth();
  const creating = entry === null;
  const { draft, errors, busy, set, submit } = useDraftForm({
    initial: () => draftOf(entry),
    creating,
    validate: (checked: EntryDraft) => validateEntry(checked, creating),
    save: (checked: EntryDraft) => {
      const base = `/api/v1/hotlists/${hotlistId}/entries`;
      return entry === null
        ? client.post<HotlistEntry>(base, {
            plate: checked.plate.trim(),
            reason: checked.reason.trim(),
            case_ref: checked.case_ref.trim(),
            vehicle: checked.vehicle.trim(),
            expires_at: checked.expires || null,
          })
        : client.patch<HotlistEntry>(`${base}/${entry.id}`, changesOf(checked, entry));
    },
    onSaved: (saved: HotlistEntry) => onSaved(saved, existing.some((e) => e.id === saved.id)),
    fields: FIELDS,
  });
  const id = useId();
  const titleId = `${id}-title`;
  const formRef = useRef<HTMLFormElement>(null);

  // Opening the editor from a row moves focus to it.
  useEffect(() => {
    if (!creating) formRef.current?.querySelector<HTMLElement>("textarea, input")?.focus();
  }, [creating]);

  const plate = usePlateKey(creating ? draft.plate : "");
  const preview = plate.status === "ok" ? plate.answer : null;
  const onList = preview ? existing.find((e) => e.plate_key === preview.key) : undefined;

  const plateHint = preview ? (
    <>
      Saved as <strong>{preview.plate}</strong>; matched on <strong>{preview.key}</strong>
      {preview.year ? ` (the year ${preview.year} is not compared)` : ""}.
      {onList ? ` Already on this list as ${onList.plate}: saving updates that entry.` : ""}
    </>
  ) : plate.status === "invalid" ? (
    `Cannot be saved: ${plate.error}.`
  ) : plate.status === "checking" ? (
    "Checking how the server reads it…"
  ) : (
    "As on the plate, e.g. LEB-06-5700"
  );

  return (
    <form ref={formRef} className="card form-grid" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{creating ? "Add plate" : `Edit entry ${entry.plate}`}</h2>
      {creating ? (
        <FormField id={`${id}-plate`} label="Plate" hint={plateHint} error={errors.plate}>
          {(control) => (
            <input
              {...control}
              value={draft.plate}
              maxLength={MAX_PLATE_LENGTH}
              autoComplete="off"
              spellCheck={false}
              onChange={set("plate")}
            />
          )}
        </FormField>
      ) : null}
      <CaseRefField formId={id} value={draft.case_ref} error={errors.case_ref} onChange={set("case_ref")} />
      <FormField id={`${id}-vehicle`} label="Vehicle description" error={errors.vehicle}>
        {(control) => (
          <input {...control} value={draft.vehicle} maxLength={200} placeholder="e.g. white Corolla" onChange={set("vehicle")} />
        )}
      </FormField>
      <ExpiryField
        formId={id}
        hint="The entry matches through this day (UTC)"
        value={draft.expires}
        error={errors.expires_at}
        onChange={set("expires")}
      />
      <ReasonField formId={id} value={draft.reason} error={errors.reason} onChange={set("reason")} />
      <div className="form-actions wl-wide">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {creating ? (busy ? "Adding…" : "Add plate") : busy ? "Saving…" : "Save entry"}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn-quiet" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        {errors[FORM] ? <FieldError>{errors[FORM]}</FieldError> : null}
      </div>
    </form>
  );
}
