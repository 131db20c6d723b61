import { useState } from "react";
import { useMutation } from "../../api/useMutation";
import { useDispatchApi } from "./hooks";
import { INCIDENT_ACTION_LABEL, INCIDENT_STATUS_LOOK, incidentActions } from "./lifecycle";
import type { Incident, IncidentStatus } from "./types";
import { FieldError } from "../../components/FormField";
import { t } from "../../i18n/catalogue";

/** The status moves the lifecycle allows from here, with an optional note for the log. */
export function IncidentStatusControls({ incident, onChanged }: { incident: Incident; onChanged: () => void }) {
  const api = useDispatchApi();
  const [note, setNote] = useState("");
  const { busy, error, run: change } = useMutation(
    (status: IncidentStatus) => api.setIncidentStatus(incident.id, status, note.trim()),
    {
      onSuccess: () => {
        setNote("");
        onChanged();
      },
      words: (status) => ({ conflict: t("incidents.theIncidentCouldNot", { label: INCIDENT_STATUS_LOOK[status].label.toLowerCase() }) }),
    },
  );
  const actions = incidentActions(incident.status);

  if (actions.length === 0) {
    return <p className="muted">{t("incidents.thisIncidentIsNo", { label: INCIDENT_STATUS_LOOK[incident.status].label.toLowerCase() })}</p>;
  }
  return (
    <div className="status-controls" role="group" aria-labelledby="status-controls-title">
      <h2 id="status-controls-title" className="visually-hidden">
        {t("incidents.changeStatus")}
      </h2>
      <div className="field field-inline">
        <label htmlFor="status-note">{t("incidents.statusNote")}</label>
        <input id="status-note" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("incidents.optionalGoesIntoThe")} />
      </div>
      <div className="row-actions">
        {actions.map((status) => (
          <button
            key={status}
            type="button"
            className={status === "cancelled" ? "btn btn-danger" : "btn btn-primary"}
            disabled={busy}
            onClick={() => void change(status)}
          >
            {INCIDENT_ACTION_LABEL[status]}
          </button>
        ))}
      </div>
      {error ? <FieldError>{error}</FieldError> : null}
    </div>
  );
}
