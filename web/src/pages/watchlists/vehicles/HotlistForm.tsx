import { useId } from "react";
import type { Schemas } from "../../../api/schemas";
import { useAuth } from "../../../auth/AuthContext";
import { ChoiceSelect } from "../../../components/ChoiceSelect";
import { FormField } from "../../../components/FormField";
import type { FormErrors } from "../shared/apiErrors";
import { DraftFormCard } from "../shared/DraftFormCard";
import { useDraftForm } from "../shared/useDraftForm";
import { HOTLIST_KINDS, hotlistKindLabel, MAX_EDIT_BUDGET, type Hotlist, type HotlistKind } from "../types";
import { t } from "../../../i18n/catalogue";

interface HotlistDraft {
  name: string;
  kind: HotlistKind;
  description: string;
  edit_budget: string;
  active: boolean;
}

const FIELDS = ["name", "kind", "description", "edit_budget", "active"] as const;

function draftOf(hotlist: Hotlist | null): HotlistDraft {
  return hotlist
    ? {
        name: hotlist.name,
        // HotlistOut types the kind as a string; the server stores only the kinds HotlistIn accepts.
        kind: hotlist.kind as HotlistKind,
        description: hotlist.description,
        edit_budget: String(hotlist.edit_budget),
        active: hotlist.active,
      }
    : { name: "", kind: "wanted", description: "", edit_budget: "1", active: true };
}

export function validateHotlist(draft: HotlistDraft, creating: boolean): FormErrors {
  const errors: FormErrors = {};
  if (creating && !draft.name.trim()) errors.name = "Enter a name for the list.";
  const budget = Number(draft.edit_budget);
  if (draft.edit_budget.trim() === "" || Number.isNaN(budget) || budget < 0 || budget > MAX_EDIT_BUDGET)
    errors.edit_budget = `Enter a number from 0 (exact plates only) to ${MAX_EDIT_BUDGET}.`;
  return errors;
}

/** Only what changed, for PATCH (the name cannot change). */
function changesOf(draft: HotlistDraft, original: Hotlist): Schemas["HotlistPatch"] {
  const changes: Schemas["HotlistPatch"] = {};
  if (draft.kind !== original.kind) changes.kind = draft.kind;
  if (draft.description.trim() !== original.description) changes.description = draft.description.trim();
  if (Number(draft.edit_budget) !== original.edit_budget) changes.edit_budget = Number(draft.edit_budget);
  if (draft.active !== original.active) changes.active = draft.active;
  return changes;
}

/** Create a hotlist (no `hotlist`) or edit one. */
export function HotlistForm({ hotlist, onSaved }: { hotlist: Hotlist | null; onSaved: (saved: Hotlist) => void }) {
  const { client } = useAuth();
  const creating = hotlist === null;
  const form = useDraftForm({
    original: hotlist,
    draftOf,
    validate: validateHotlist,
    create: (checked) =>
      client.POST("/api/v1/hotlists", {
        body: {
          name: checked.name.trim(),
          kind: checked.kind,
          description: checked.description.trim(),
          edit_budget: Number(checked.edit_budget),
          active: checked.active,
        },
      }),
    update: (checked, stored) =>
      client.PATCH("/api/v1/hotlists/{hotlist_id}", {
        params: { path: { hotlist_id: stored.id } },
        body: changesOf(checked, stored),
      }),
    onSaved,
    fields: FIELDS,
    conflictField: "name",
  });
  const { draft, errors, setValue: set } = form;
  const id = useId();

  return (
    <DraftFormCard
      id={id}
      title={creating ? t("watchlists.vehicles.createHotlist") : t("watchlists.vehicles.hotlistSettings")}
      form={form}
      label={creating ? t("watchlists.vehicles.createHotlist") : t("watchlists.vehicles.saveHotlist")}
      busyLabel={creating ? t("watchlists.vehicles.creating") : t("watchlists.vehicles.saving")}
    >
      {creating ? (
        <FormField id={`${id}-name`} label={t("watchlists.vehicles.listName")} error={errors.name} hint="Letters, digits, spaces, . _ -">
          {(control) => (
            <input
              {...control}
              value={draft.name}
              maxLength={100}
              autoComplete="off"
              onChange={(e) => set("name", e.target.value)}
            />
          )}
        </FormField>
      ) : null}
      <FormField id={`${id}-kind`} label={t("watchlists.vehicles.kind")} error={errors.kind}>
        {(control) => (
          <ChoiceSelect
            {...control}
            values={HOTLIST_KINDS}
            label={hotlistKindLabel}
            value={draft.kind}
            onChange={(kind) => set("kind", kind)}
          />
        )}
      </FormField>
      <FormField
        id={`${id}-budget`}
        label={t("watchlists.vehicles.matchTolerance")}
        error={errors.edit_budget}
        hint={t("watchlists.vehicles.ocrEditsARead", { maxEditBudget: MAX_EDIT_BUDGET })}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={0}
            max={MAX_EDIT_BUDGET}
            step={0.25}
            value={draft.edit_budget}
            onChange={(e) => set("edit_budget", e.target.value)}
          />
        )}
      </FormField>
      <FormField id={`${id}-description`} label={t("watchlists.vehicles.descriptionPurposeOfThe")} error={errors.description} className="wl-wide">
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={2000}
            value={draft.description}
            onChange={(e) => set("description", e.target.value)}
          />
        )}
      </FormField>
      <div className="field field-inline wl-wide">
        <input
          id={`${id}-active`}
          type="checkbox"
          checked={draft.active}
          onChange={(e) => set("active", e.target.checked)}
        />
        <label htmlFor={`${id}-active`}>{t("watchlists.vehicles.activeReadsAreMatched")}</label>
      </div>
    </DraftFormCard>
  );
}
