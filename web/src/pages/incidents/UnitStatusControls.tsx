import { useState } from "react";
import { describeError } from "../../api/errors";
import { useDispatchApi } from "./hooks";
import { UNIT_STATUS_LOOK, unitActions } from "./lifecycle";
import type { Unit, UnitStatus } from "./types";

/** One button per status the unit may move to next; a refusal (409) is said next to the buttons. */
export function UnitStatusControls({ unit, onChanged }: { unit: Unit; onChanged: (unit: Unit) => void }) {
  const api = useDispatchApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actions = unitActions(unit.status);

  const change = async (status: UnitStatus) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.setUnitStatus(unit.id, status));
    } catch (caught) {
      setError(describeError(caught, { conflict: `${unit.callsign} could not become ${UNIT_STATUS_LOOK[status].label.toLowerCase()}.` }));
    } finally {
      setBusy(false);
    }
  };

  if (actions.length === 0) return <span className="muted">No status change possible</span>;
  return (
    <div className="row-actions">
      {actions.map((status) => (
        <button
          key={status}
          type="button"
          className="btn btn-small"
          disabled={busy}
          aria-label={`${UNIT_STATUS_LOOK[status].label}: ${unit.callsign}`}
          onClick={() => void change(status)}
        >
          {UNIT_STATUS_LOOK[status].label}
        </button>
      ))}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
