import { useEffect, useId, useRef } from "react";
import { useAuth } from "../../../auth/AuthContext";
import { FormField } from "../../../components/FormField";
import type { FormErrors } from "../shared/apiErrors";
import { DraftFormCard } from "../shared/DraftFormCard";
import { useDraftForm } from "../shared/useDraftForm";
import { changedTexts, listingBody, listingChanges, listingDraftOf, listingErrors, type ListingDraft } from "../shared/listing";
import { CaseRefField, ExpiryField, ReasonField } from "../shared/ListingFields";
import type { HotlistEntry } from "../types";
import { MAX_PLATE_LENGTH, usePlateKey } from "./usePlateKey";
import { t } from "../../../i18n/catalogue";

export interface EntryDraft extends ListingDraft {
  plate: string;
  vehicle: string;
}

const FIELDS = ["plate", "reason", "case_ref", "vehicle", "expires_at"] as const;

function draftOf(entry: HotlistEntry | null): EntryDraft {
  return { ...listingDraftOf(entry), plate: entry?.plate ?? "", vehicle: entry?.vehicle ?? "" };
}

export function validateEntry(draft: EntryDraft, creating: boolean, now: Date = new Date()): FormErrors {
  const errors = listingErrors(draft, t("watchlists.vehicles.stateWhyThisVehicle"), now);
  // The plate's own rules are the server's: the preview shows its verdict, and a refusal comes back as a 422.
  if (creating && !draft.plate.trim()) errors.plate = "Enter the plate.";
  return errors;
}

function changesOf(draft: EntryDraft, original: HotlistEntry): Record<string, string | null> {
  return { ...listingChanges(draft, original), ...changedTexts(draft, original, ["vehicle"]) };
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
  const form = useDraftForm({
    original: entry,
    draftOf,
    validate: validateEntry,
    create: (checked) =>
      client.POST("/api/v1/hotlists/{hotlist_id}/entries", {
        params: { path: { hotlist_id: hotlistId } },
        body: { plate: checked.plate.trim(), vehicle: checked.vehicle.trim(), ...listingBody(checked) },
      }),
    update: (checked, stored) =>
      client.PATCH("/api/v1/hotlists/{hotlist_id}/entries/{entry_id}", {
        params: { path: { hotlist_id: hotlistId, entry_id: stored.id } },
        body: changesOf(checked, stored),
      }),
    onSaved: (saved: HotlistEntry) => onSaved(saved, existing.some((e) => e.id === saved.id)),
    fields: FIELDS,
  });
  const { draft, errors, set } = form;
  const id = useId();
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
      {t("watchlists.vehicles.savedAs")}{" "}<strong>{preview.plate}</strong>{t("watchlists.vehicles.matchedOn")}{" "}<strong>{preview.key}</strong>
      {preview.year ? t("watchlists.vehicles.theYearIsNot", { year: preview.year }) : ""}.
      {onList ? t("watchlists.vehicles.alreadyOnThisList", { plate: onList.plate }) : ""}
    </>
  ) : plate.status === "invalid" ? (
    t("watchlists.vehicles.cannotBeSaved", { error: plate.error })
  ) : plate.status === "checking" ? (
    t("watchlists.vehicles.checkingHowTheServer")
  ) : (
    t("watchlists.vehicles.asOnThePlate")
  );

  return (
    <DraftFormCard
      id={id}
      formRef={formRef}
      title={creating ? t("watchlists.vehicles.addPlate") : t("watchlists.vehicles.editEntry", { plate: entry.plate })}
      form={form}
      label={creating ? t("watchlists.vehicles.addPlate") : t("watchlists.vehicles.saveEntry")}
      busyLabel={creating ? t("watchlists.vehicles.adding") : t("watchlists.vehicles.saving")}
      actions={
        onCancel ? (
          <button type="button" className="btn btn-quiet" onClick={onCancel}>
            {t("watchlists.vehicles.cancel")}
          </button>
        ) : null
      }
    >
      {creating ? (
        <FormField id={`${id}-plate`} label={t("watchlists.vehicles.plate")} hint={plateHint} error={errors.plate}>
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
      <FormField id={`${id}-vehicle`} label={t("watchlists.vehicles.vehicleDescription")} error={errors.vehicle}>
        {(control) => (
          <input {...control} value={draft.vehicle} maxLength={200} placeholder={t("watchlists.vehicles.eGWhiteCorolla")} onChange={set("vehicle")} />
        )}
      </FormField>
      <ExpiryField
        formId={id}
        hint={t("watchlists.vehicles.theEntryMatchesThrough")}
        value={draft.expires}
        error={errors.expires_at}
        onChange={set("expires")}
      />
      <ReasonField formId={id} value={draft.reason} error={errors.reason} onChange={set("reason")} />
    </DraftFormCard>
  );
}
