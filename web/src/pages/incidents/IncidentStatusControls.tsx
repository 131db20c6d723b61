import { useState } from "react";
import { describeError } from "../../api/errors";
import { useDispatchApi } from "./hooks";
import { INCIDENT_ACTION_LABEL, INCIDENT_STATUS_LOOK, incidentActions } from "./lifecycle";
import type { Incident, IncidentStatus } from "./types";

/** The status moves the lifecycle allows from here, with an optional note for the log. */
export function IncidentStatusControls({ incident, onChanged }: { incident: Incident; onChanged: () => void }) {
  const api = useDispatchApi();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actions = incidentActions(incident.status);

  const change = async (status: IncidentStatus) => {
    setBusy(true);
    setError(null);
    try {
      await api.setIncidentStatus(incident.id, status, note.trim());
      setNote("");
      onChanged();
    } catch (caught) {
      setError(
        describeError(caught, { conflict: `The incident could not become ${INCIDENT_STATUS_LOOK[status].label.toLowerCase()}.` }),
      );
    } finally {
      setBusy(false);
    }
  };

  if (actions.length === 0) {
    return <p className="muted">This incident is {INCIDENT_STATUS_LOOK[incident.status].label.toLowerCase()}: no further status changes.</p>;
  }
  return (
    <div className="status-controls" role="group" aria-labelledby="status-controls-title">
      <h2 id="status-controls-title" className="visually-hidden">
        Change status
      </h2>
      <div className="field field-inline">
        <label htmlFor="status-note">Status note</label>
        <input id="status-note" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Optional, goes into the log" />
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
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
