import { useState, type FormEvent } from "react";
import { formErrors } from "../../api/errors";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { ChoiceSelect } from "../../components/ChoiceSelect";
import { FormField } from "../../components/FormField";
import { SubmitActions } from "../../components/SubmitActions";
import type { Schemas } from "../../api/schemas";
import { buildHoldRequest, EMPTY_HOLD_FORM, type HoldErrors, type HoldForm } from "./holds";
import { HOLD_SCOPES, type HoldRequest, type HoldScope, type LegalHold } from "./types";
import { Options } from "../../components/Options";
import { messageRecord, t } from "../../i18n/catalogue";

const API_FIELDS = ["scope", "reason", "case_id", "item_id", "camera_id", "start", "end", "case_ref"];
const SCOPE_LABELS: Record<HoldScope, string> = messageRecord<HoldScope>({
  case: "retention.aWholeCase",
  item: "retention.oneEvidenceItem",
  camera: "retention.aCameraSRecordings",
});

export function CreateHoldForm({
  cases,
  onPlaced,
}: {
  cases: readonly Schemas["CaseOut"][] | null;
  onPlaced: (hold: LegalHold) => void;
}) {
  const { client } = useAuth();
  const [form, setForm] = useState<HoldForm>(EMPTY_HOLD_FORM);
  const [localErrors, setLocalErrors] = useState<HoldErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const place = useMutation((request: HoldRequest) => client.POST("/api/v1/holds", { body: request }), {
    onSuccess: (placed) => {
      const hold = placed as LegalHold;
      setForm({ ...EMPTY_HOLD_FORM, scope: hold.scope });
      setDone(t("retention.placedHold", { id: hold.id }));
      onPlaced(hold);
    },
    // A 422's problems go beside their fields (below), anything else beside the button.
    describe: (caught) => formErrors(caught, API_FIELDS).form ?? "",
  });
  const { busy, error: general } = place;
  const errors: HoldErrors = { ...formErrors(place.failure, API_FIELDS).fields, ...localErrors };
  const set = (key: keyof HoldForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const built = buildHoldRequest(form);
    setLocalErrors("errors" in built ? built.errors : {});
    if ("errors" in built) place.reset();
    else void place.run(built.request);
  };

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="create-hold-title" noValidate>
      <h2 id="create-hold-title">{t("retention.placeALegalHold")}</h2>
      <FormField id="hold-scope" label={t("retention.holdCovers")} error={errors.scope}>
        {(control) => (
          <ChoiceSelect
            {...control}
            values={HOLD_SCOPES}
            label={(scope) => SCOPE_LABELS[scope]}
            value={form.scope}
            onChange={(scope) => setForm((f) => ({ ...f, scope }))}
          />
        )}
      </FormField>
      {form.scope === "case" ? (
        <FormField id="hold-case" label={t("retention.case")} error={errors.case_id}>
          {(control) => (
            <select {...control} value={form.caseId} onChange={set("caseId")}>
              <option value="">{t("retention.chooseACase")}</option>
              <Options items={cases ?? []} value={(c) => c.id} label={(c) => `${c.reference}: ${c.title} (${c.status})`} />
            </select>
          )}
        </FormField>
      ) : null}
      {form.scope === "item" ? (
        <FormField id="hold-item" label={t("retention.evidenceItemNumber")} error={errors.item_id}>
          {(control) => <input {...control} type="number" min={1} step={1} inputMode="numeric" value={form.itemId} onChange={set("itemId")} />}
        </FormField>
      ) : null}
      {form.scope === "camera" ? (
        <>
          <FormField id="hold-camera" label={t("retention.cameraEmptyAllCameras")} error={errors.camera_id}>
            {(control) => <input {...control} value={form.cameraId} onChange={set("cameraId")} maxLength={128} autoComplete="off" />}
          </FormField>
          <FormField id="hold-start" label={t("retention.fromEmptyFromThe")} error={errors.start}>
            {(control) => <input {...control} type="datetime-local" step={1} value={form.start} onChange={set("start")} />}
          </FormField>
          <FormField id="hold-end" label={t("retention.untilEmptyOpenEnded")} error={errors.end}>
            {(control) => <input {...control} type="datetime-local" step={1} value={form.end} onChange={set("end")} />}
          </FormField>
        </>
      ) : null}
      <FormField id="hold-reason" label={t("retention.reason")} error={errors.reason}>
        {(control) => <textarea {...control} value={form.reason} onChange={set("reason")} rows={2} maxLength={2000} />}
      </FormField>
      <FormField id="hold-case-ref" label={t("retention.caseReferenceOptional")} error={errors.case_ref} hint={t("retention.courtOrderOrFir")}>
        {(control) => <input {...control} value={form.caseRef} onChange={set("caseRef")} maxLength={128} autoComplete="off" />}
      </FormField>
      <SubmitActions
        label={t("retention.placeHold")}
        busyLabel={t("retention.placing")}
        busy={busy}
        error={general}
        ok={done}
      />
    </form>
  );
}
