import { useMutation } from "../../api/useMutation";
import { useDispatchApi } from "./hooks";
import { UNIT_STATUS_LOOK, unitActions } from "./lifecycle";
import type { Unit, UnitStatus } from "./types";
import { FieldError } from "../../components/FormField";
import { t } from "../../i18n/catalogue";

/** One button per status the unit may move to next; a refusal (409) is said next to the buttons. */
export function UnitStatusControls({ unit, onChanged }: { unit: Unit; onChanged: (unit: Unit) => void }) {
  const api = useDispatchApi();
  const { busy, error, run: change } = useMutation((status: UnitStatus) => api.setUnitStatus(unit.id, status), {
    onSuccess: onChanged,
    words: (status) => ({ conflict: t("incidents.couldNotBecome", { callsign: unit.callsign, label: UNIT_STATUS_LOOK[status].label.toLowerCase() }) }),
  });
  const actions = unitActions(unit.status);

  if (actions.length === 0) return <span className="muted">{t("incidents.noStatusChangePossible")}</span>;
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
      {error ? <FieldError>{error}</FieldError> : null}
    </div>
  );
}
