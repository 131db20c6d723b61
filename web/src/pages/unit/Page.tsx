import { useCallback, useId, useState } from "react";
import { Link } from "react-router";
import { useResource } from "../../api/useResource";
import type { LiveEvent } from "../../api/types";
import { StateMessage } from "../../components/StateMessage";
import { formatDateTime } from "../../format/dateTime";
import { directionsUrl, formatCoordinates } from "../../format/places";
import { t } from "../../i18n/catalogue";
import { useLiveSocket } from "../../live/useLiveSocket";
import { IncidentStatusBadge, LivePageHead, PriorityBadge, UnitStatusBadge } from "../incidents/Badges";
import { useDispatchApi } from "../incidents/hooks";
import { unitTypeLabel } from "../incidents/lifecycle";
import type { Unit } from "../incidents/types";
import { UnitStatusControls } from "../incidents/UnitStatusControls";
import { byCallsign, concerns, rememberedUnit, rememberUnit } from "./unitView";
import "./unit.css";
import { Options } from "../../components/Options";

const TOPICS = ["unit.*", "incident.*"];

/**
 * /unit (dispatch.manage): one unit's screen for its tablet: which unit this device is (remembered), its
 * status with one large button per allowed change, and its current assignment with a Navigate link.
 */
export default function UnitPage() {
  const api = useDispatchApi();
  const id = useId();
  const [generation, setGeneration] = useState(0);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const units = useResource((signal) => api.units(signal), [api, generation]);
  const all = byCallsign(units.resource.data ?? []);
  const unit: Unit | null = all.find((u) => u.id === chosenId) ?? (chosenId === null ? rememberedUnit(all) : null);
  const incidentId = unit?.incident_id ?? null;
  const assignment = useResource(
    (signal) => (incidentId ? api.incident(incidentId, signal) : Promise.resolve(null)),
    [api, incidentId, generation],
  );
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (unit && concerns(unit, event)) setGeneration((g) => g + 1);
    },
    [unit],
  );
  const live = useLiveSocket(TOPICS, onEvent);
  const incident = assignment.resource.data?.incident ?? null;

  return (
    <div className="unit-view">
      <LivePageHead title={unit ? `${t("unit.title")}: ${unit.callsign}` : t("unit.title")} live={live} />
      <StateMessage resource={units.resource} what="units" />
      <div className="field field-inline">
        <label htmlFor={`${id}-unit`}>{t("unit.choose")}</label>
        <select
          id={`${id}-unit`}
          value={unit?.id ?? ""}
          onChange={(event) => {
            setChosenId(event.target.value);
            rememberUnit(event.target.value);
          }}
        >
          <option value="">—</option>
          <Options items={all} value={(u) => u.id} label={(u) => `${u.callsign} (${unitTypeLabel(u.type)})`} />
        </select>
        <span className="muted">{t("unit.chooseHint")}</span>
      </div>
      {!unit ? (
        <p className="state">{t("unit.none")}</p>
      ) : (
        <div className="unit-columns">
          <section className="card" aria-labelledby={`${id}-status`}>
            <h2 id={`${id}-status`}>
              {t("unit.status")}: <UnitStatusBadge status={unit.status} />
            </h2>
            <div className="unit-status-buttons" data-testid="unit-status-buttons">
              <UnitStatusControls unit={unit} onChanged={() => setGeneration((g) => g + 1)} />
            </div>
            {unit.location_at && unit.latitude !== null && unit.longitude !== null ? (
              <p className="muted">
                {t("unit.lastFix", { time: formatDateTime(unit.location_at) })}: {formatCoordinates(unit.latitude, unit.longitude)}
              </p>
            ) : null}
          </section>
          <section className="card" aria-labelledby={`${id}-assignment`} data-testid="unit-assignment">
            <h2 id={`${id}-assignment`}>{t("unit.assignment")}</h2>
            {!incidentId ? (
              <p className="state">{t("unit.noAssignment")}</p>
            ) : !incident ? (
              <StateMessage resource={assignment.resource} what={t("unit.theAssignment")} />
            ) : (
              <>
                <p className="unit-incident-title">
                  <PriorityBadge priority={incident.priority} /> <Link to={`/incidents/${incident.id}`}>#{incident.id}</Link> {incident.title}{" "}
                  <IncidentStatusBadge status={incident.status} />
                </p>
                <p>{incident.address || (incident.latitude !== null && incident.longitude !== null ? formatCoordinates(incident.latitude, incident.longitude) : "—")}</p>
                {incident.description ? <p className="muted">{incident.description}</p> : null}
                {incident.latitude !== null && incident.longitude !== null ? (
                  <a className="btn btn-primary unit-navigate" href={directionsUrl(incident.latitude, incident.longitude)} target="_blank" rel="noreferrer">
                    {t("unit.navigate")}
                  </a>
                ) : null}
              </>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
