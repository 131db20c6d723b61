import { useId, useState, type FormEvent } from "react";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { StateMessage } from "../../components/StateMessage";
import { useMutation } from "../../api/useMutation";
import { alertApi } from "./api";
import { Modal } from "../../components/Modal";
import type { Alert, Incident } from "./types";
import { FieldError, FormField } from "../../components/FormField";
import { Options } from "../../components/Options";
import { t } from "../../i18n/catalogue";

export const MIN_REASON_LENGTH = 3;
export const MAX_REASON_LENGTH = 500;

export function reasonError(reason: string): string | null {
  const text = reason.trim();
  if (text.length < MIN_REASON_LENGTH) return t("alerts.giveAReasonOf", { minReasonLength: MIN_REASON_LENGTH });
  if (text.length > MAX_REASON_LENGTH) return t("alerts.atMostCharacters", { maxReasonLength: MAX_REASON_LENGTH });
  return null;
}

/** What a dialog about one alert is given: the alert, and what closes the dialog without doing anything. */
interface AlertDialogProps {
  alert: Alert;
  onCancel: () => void;
}

/** Dismissing needs a reason (it goes to the audit log): asked for here, with the server's refusal shown. */
export function DismissDialog({
  alert,
  onDismissed,
  onCancel,
}: AlertDialogProps & { onDismissed: (alert: Alert) => void }) {
  const { client } = useAuth();
  const [reason, setReason] = useState("");
  const dismiss = useMutation((text: string) => alertApi.dismiss(client, alert.id, text), { onSuccess: onDismissed });
  const { busy, error } = dismiss;
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = reasonError(reason);
    if (invalid) dismiss.fail(invalid);
    else void dismiss.run(reason.trim());
  };

  return (
    <Modal title={t("alerts.dismissAlert2", { id: alert.id })} description={t("alerts.theReasonIsRecorded", { title: alert.title })} onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <FormField id={`${id}-reason`} label={t("alerts.reasonRequired")} error={error}>
          {(control) => (
            <textarea
              {...control}
              value={reason}
              rows={3}
              maxLength={MAX_REASON_LENGTH + 50}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </FormField>
        <DialogActions
          tone="btn-danger"
          label={t("alerts.dismissAlert")}
          busyLabel={t("alerts.dismissing")}
          busy={busy}
          onCancel={onCancel}
        />
      </form>
    </Modal>
  );
}

/** The incident type to offer first for an alert, when the taxonomy has it. */
export function suggestedIncidentType(alert: Alert, codes: readonly string[]): string {
  const serviceCode = typeof alert.details.service_code === "string" ? alert.details.service_code : "";
  const byKind: Record<string, string> = {
    panic: "panic",
    camera_health: "camera_fault",
    citizen_report: serviceCode,
    rule: alert.source_topic === "rule.crowd" ? "public_order" : "suspicious_activity",
    vehicle_hit: "suspicious_activity",
    face_candidate: "suspicious_activity",
    person_of_interest: alert.details.status === "missing" ? "missing_person" : "wanted_person",
  };
  const wanted = byKind[alert.kind];
  if (wanted && codes.includes(wanted)) return wanted;
  return codes.includes("other") ? "other" : (codes[0] ?? "");
}

export function IncidentDialog({
  alert,
  onCreated,
  onCancel,
}: AlertDialogProps & { onCreated: (incident: Incident) => void }) {
  const { client } = useAuth();
  const { resource } = useResource(
    (signal) => client.GET("/api/v1/incident-types", { signal }),
    [client],
  );
  const types = resource.data ?? [];
  const [chosenType, setChosenType] = useState<string | null>(null);
  const type = chosenType ?? suggestedIncidentType(alert, types.map((t) => t.code));
  const [title, setTitle] = useState(alert.title);
  const open = useMutation((body: { type: string; title: string }) => alertApi.openIncident(client, alert.id, body), {
    onSuccess: onCreated,
  });
  const { busy, error } = open;
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!type) open.fail(t("alerts.chooseAnIncidentType"));
    else void open.run({ type, title: title.trim() });
  };

  return (
    <Modal title={t("alerts.createIncidentFromAlert", { id: alert.id })} description={alert.title} onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <FormField id={`${id}-type`} label={t("alerts.incidentType")}>
          {(control) => (
            <>
              <select {...control} value={type} onChange={(e) => setChosenType(e.target.value)}>
                <Options items={types} value={(t) => t.code} label={(kind) => t("alerts.incidentTypeOption", { label: kind.label, priority: kind.priority })} />
              </select>
              <StateMessage resource={resource} what={t("alerts.incidentTypes")} />
            </>
          )}
        </FormField>
        <FormField id={`${id}-title`} label={t("alerts.title2")}>
          {(control) => <input {...control} value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />}
        </FormField>
        {error ? <FieldError>{error}</FieldError> : null}
        <DialogActions
          tone="btn-primary"
          label={t("alerts.createIncident")}
          busyLabel={t("alerts.creating")}
          busy={busy}
          disabled={!type}
          onCancel={onCancel}
        />
      </form>
    </Modal>
  );
}

/** A dialog form's buttons: Cancel, and the submit button (its label says what is under way while `busy`). */
function DialogActions({
  tone,
  label,
  busyLabel,
  busy,
  disabled = false,
  onCancel,
}: {
  tone: "btn-primary" | "btn-danger";
  label: string;
  busyLabel: string;
  busy: boolean;
  disabled?: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="actions">
      <button type="button" className="btn btn-quiet" onClick={onCancel}>
        {t("alerts.cancel")}
      </button>
      <button type="submit" className={`btn ${tone}`} disabled={busy || disabled}>
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
