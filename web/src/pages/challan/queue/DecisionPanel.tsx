import { useRef, useState, type FormEvent } from "react";
import { ApiError } from "../../../api/client";
import { useAuth } from "../../../auth/AuthContext";
import { describeError, fieldOfError } from "../../../api/errors";
import { FormField } from "../../../components/FormField";
import { reasonLabel } from "../labels";
import type { DecisionOutcome, Violation } from "../types";
import {
  decisionBody,
  EMPTY_FORM,
  NOTE_MAX,
  PLATE_MAX,
  validateDecision,
  type DecisionErrors,
  type DecisionField,
  type DecisionForm,
} from "./decision";
import { useShortcuts } from "./shortcuts";
import { Options } from "../../../components/Options";
import { t } from "../../../i18n/catalogue";

const FIELDS: readonly DecisionField[] = ["plate", "reason", "note"];

interface Props {
  violation: Violation;
  /** The rejection reasons the server accepts (GET /api/v1/challan/reasons); null while loading. */
  reasons: readonly string[] | null;
  reasonsError: string | null;
  onDecided: (outcome: DecisionOutcome) => void;
  /** The server said the violation changed under us (decided by someone else): refresh the queue. */
  onConflict: () => void;
}

/** Accept (optionally correcting the plate) or reject with a reason; errors appear beside their field. */
export function DecisionPanel({ violation, reasons, reasonsError, onDecided, onConflict }: Props) {
  const { client } = useAuth();
  const [form, setForm] = useState<DecisionForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<DecisionErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"accept" | "reject" | null>(null);
  const inputs = useRef<Partial<Record<DecisionField, HTMLElement | null>>>({});
  const mismatch = violation.registry_status === "vehicle_mismatch";

  const submit = async (kind: "accept" | "reject") => {
    if (busy) return;
    const found = validateDecision(kind, form, violation);
    setErrors(found);
    setFormError(null);
    const first = FIELDS.find((field) => found[field]);
    if (first) {
      inputs.current[first]?.focus();
      return;
    }
    setBusy(kind);
    try {
      const outcome = await client.POST("/api/v1/challan/violations/{violation_id}/decision", {
        params: { path: { violation_id: violation.id } },
        body: decisionBody(kind, form, violation),
      });
      onDecided(outcome);
    } catch (caught) {
      const field = fieldOfError(caught, FIELDS, { anyStatus: true });
      const text = describeError(caught);
      if (field) setErrors({ [field]: text });
      else setFormError(text);
      if (caught instanceof ApiError && caught.status === 409 && !field) onConflict();
    } finally {
      setBusy(null);
    }
  };

  useShortcuts({ accept: () => void submit("accept"), reject: () => void submit("reject") });

  const set = <K extends keyof DecisionForm>(key: K, value: DecisionForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit("accept");
  };

  return (
    <form className="card challan-decision" onSubmit={onSubmit} aria-labelledby="challan-decision-title" noValidate>
      <h3 id="challan-decision-title">{t("challan.queue.decision")}</h3>
      <FormField id="challan-plate" label={violation.plate ? t("challan.queue.correctThePlateOptional") : t("challan.queue.plateAsReadFrom")} error={errors.plate}>
        {(control) => (
          <input
            {...control}
            ref={(element) => {
              inputs.current.plate = element;
            }}
            className="challan-mono"
            value={form.plate}
            maxLength={PLATE_MAX + 8}
            placeholder={violation.plate ?? t("challan.queue.eGLea1234")}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => set("plate", e.target.value)}
          />
        )}
      </FormField>
      {mismatch ? (
        <div className="field field-inline">
          <input
            id="challan-mismatch"
            type="checkbox"
            checked={form.acceptVehicleMismatch}
            onChange={(e) => set("acceptVehicleMismatch", e.target.checked)}
          />
          <label htmlFor="challan-mismatch">{t("challan.queue.theRegistrySVehicle")}</label>
        </div>
      ) : null}
      <FormField id="challan-reason" label={t("challan.queue.rejectionReasonRequiredTo")} error={errors.reason ?? reasonsError}>
        {(control) => (
          <select
            {...control}
            ref={(element) => {
              inputs.current.reason = element;
            }}
            value={form.reason}
            onChange={(e) => set("reason", e.target.value)}
          >
            <option value="">{reasons ? t("challan.queue.chooseAReason") : t("challan.queue.loadingReasons")}</option>
            <Options items={reasons ?? []} label={(reason) => reasonLabel(reason)} />
          </select>
        )}
      </FormField>
      <FormField id="challan-note" label={t("challan.queue.noteOptional")} error={errors.note}>
        {(control) => (
          <textarea
            {...control}
            ref={(element) => {
              inputs.current.note = element;
            }}
            rows={2}
            value={form.note}
            maxLength={NOTE_MAX + 100}
            onChange={(e) => set("note", e.target.value)}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy !== null} aria-keyshortcuts="a">
          {busy === "accept" ? t("challan.queue.accepting") : t("challan.queue.accept")}
        </button>
        <button type="button" className="btn btn-danger" disabled={busy !== null} aria-keyshortcuts="r" onClick={() => void submit("reject")}>
          {busy === "reject" ? t("challan.queue.rejecting") : t("challan.queue.reject")}
        </button>
      </div>
      {formError ? (
        <p className="field-error" role="alert" data-testid="decision-error">
          {formError}
        </p>
      ) : null}
    </form>
  );
}
