import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useAuth } from "../../auth/AuthContext";
import { useMutation } from "../../api/useMutation";
import { FormField } from "../../components/FormField";
import { SubmitActions } from "../../components/SubmitActions";
import { t } from "../../i18n/catalogue";
import type { IncidentType } from "../incidents/types";
import { callBody, checkCall, DISPOSITION_LABEL, DISPOSITIONS, dispositionLabel, EMPTY_CALL, repeatWarning, type CallTaken, type Disposition } from "./call";
import { Options } from "../../components/Options";

/** The call just recorded: its outcome, the incident it opened or joined, and, while pending, the outcome form. */
export function CallResult({
  taken,
  types,
  onChanged,
}: {
  taken: CallTaken;
  types: readonly IncidentType[];
  onChanged: (taken: CallTaken) => void;
}) {
  const { call, caller, incident } = taken;
  const warning = repeatWarning(caller);
  return (
    <section className="card" aria-labelledby="call-result-title" data-testid="call-result">
      <h2 id="call-result-title">{t("helpline.recorded", { id: call.id, outcome: dispositionLabel(call.disposition) })}</h2>
      {warning ? (
        <p className="state state-error" role="status">
          {warning}
        </p>
      ) : null}
      {incident ? (
        <p role="status">
          <Link to={`/incidents/${incident.id}`}>{t("helpline.openIncident", { id: incident.id })}</Link>{" "}
          <span className="muted">{incident.title}</span>
        </p>
      ) : null}
      {call.disposition === "pending" ? <OutcomeForm callId={call.id} types={types} onChanged={onChanged} /> : null}
    </section>
  );
}

function OutcomeForm({ callId, types, onChanged }: { callId: number; types: readonly IncidentType[]; onChanged: (taken: CallTaken) => void }) {
  const { client } = useAuth();
  const id = useId();
  const [disposition, setDisposition] = useState<Disposition>("incident");
  const [type, setType] = useState("");
  const [incidentId, setIncidentId] = useState("");
  const form = { ...EMPTY_CALL, number: "000", disposition, type, incidentId };
  const errors = checkCall(form);
  const [tried, setTried] = useState(false);
  const change = useMutation(
    () => {
      const body = callBody(form);
      return client.POST("/api/v1/calls/{call_id}/disposition", {
        params: { path: { call_id: callId } },
        body: { disposition, type: body.type, incident_id: body.incident_id },
      });
    },
    { onSuccess: onChanged },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(errors).length === 0) void change.run();
  };
  return (
    <form onSubmit={submit} aria-label={t("helpline.setOutcome")} noValidate>
      <FormField id={`${id}-disposition`} label={t("helpline.disposition")}>
        {(control) => (
          <select {...control} value={disposition} onChange={(e) => setDisposition(e.target.value as Disposition)}>
            <Options items={DISPOSITIONS.filter((d) => d !== "pending")} label={(d) => DISPOSITION_LABEL[d]} />
          </select>
        )}
      </FormField>
      {disposition === "incident" ? (
        <FormField id={`${id}-type`} label={t("helpline.type")} error={tried ? errors.type : null}>
          {(control) => (
            <select {...control} value={type} onChange={(e) => setType(e.target.value)}>
              <option value="">—</option>
              <Options items={types} value={(option) => option.code} label={(option) => option.label} />
            </select>
          )}
        </FormField>
      ) : null}
      {disposition === "duplicate" ? (
        <FormField id={`${id}-incident`} label={t("helpline.linkTo")} error={tried ? errors.incidentId : null}>
          {(control) => <input {...control} inputMode="numeric" value={incidentId} onChange={(e) => setIncidentId(e.target.value)} />}
        </FormField>
      ) : null}
      <SubmitActions label={t("helpline.setOutcome")} busyLabel={t("helpline.saving")} busy={change.busy} error={change.error} />
    </form>
  );
}
