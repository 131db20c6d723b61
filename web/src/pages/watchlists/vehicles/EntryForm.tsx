import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useAuth } from "../../../auth/AuthContext";
import { FieldError, FormField } from "../../../components/FormField";
import { FORM, formErrorsOf, hasErrors, type FormErrors } from "../shared/apiErrors";
import { expiryDateError, expiryDateOf, todayUtc } from "../shared/expiry";
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
  const [draft, setDraft] = useState<EntryDraft>(() => draftOf(entry));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const id = useId();
  const titleId = `${id}-title`;
  const formRef = useRef<HTMLFormElement>(null);
  const set = (key: keyof EntryDraft) => (e: { target: { value: string } }) =>
    setDraft((previous) => ({ ...previous, [key]: e.target.value }));

  // Opening the editor from a row moves focus to it.
  useEffect(() => {
    if (!creating) formRef.current?.querySelector<HTMLElement>("textarea, input")?.focus();
  }, [creating]);

  const plate = usePlateKey(creating ? draft.plate : "");
  const preview = plate.status === "ok" ? plate.answer : null;
  const onList = preview ? existing.find((e) => e.plate_key === preview.key) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateEntry(draft, creating);
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    try {
      const base = `/api/v1/hotlists/${hotlistId}/entries`;
      const saved = creating
        ? await client.request<HotlistEntry>("POST", base, {
            body: {
              plate: draft.plate.trim(),
              reason: draft.reason.trim(),
              case_ref: draft.case_ref.trim(),
              vehicle: draft.vehicle.trim(),
              expires_at: draft.expires || null,
            },
          })
        : await client.request<HotlistEntry>("PATCH", `${base}/${entry.id}`, { body: changesOf(draft, entry) });
      const wasOnList = existing.some((e) => e.id === saved.id);
      if (creating) setDraft(draftOf(null));
      onSaved(saved, wasOnList);
    } catch (caught) {
      setErrors(formErrorsOf(caught, FIELDS));
    } finally {
      setBusy(false);
    }
  };

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
      <FormField id={`${id}-case`} label="Case reference" error={errors.case_ref}>
        {(control) => <input {...control} value={draft.case_ref} maxLength={128} onChange={set("case_ref")} />}
      </FormField>
      <FormField id={`${id}-vehicle`} label="Vehicle description" error={errors.vehicle}>
        {(control) => (
          <input {...control} value={draft.vehicle} maxLength={200} placeholder="e.g. white Corolla" onChange={set("vehicle")} />
        )}
      </FormField>
      <FormField
        id={`${id}-expires`}
        label="Expires (optional)"
        hint="The entry matches through this day (UTC)"
        error={errors.expires_at}
      >
        {(control) => <input {...control} type="date" min={todayUtc()} value={draft.expires} onChange={set("expires")} />}
      </FormField>
      <FormField id={`${id}-reason`} label="Reason" error={errors.reason} className="wl-wide">
        {(control) => <textarea {...control} rows={2} maxLength={2000} value={draft.reason} onChange={set("reason")} />}
      </FormField>
      <div className="form-actions wl-wide">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {creating ? (busy ? "Adding…" : "Add plate") : busy ? "Saving…" : "Save entry"}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn-quiet" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        {errors[FORM] ? <FieldError>errors[FORM]</FieldError> : null}
      </div>
    </form>
  );
}
