import { useState } from "react";
import { FieldError } from "../../components/FormField";
import { useResource } from "../../api/useResource";
import { StateMessage } from "../../components/StateMessage";
import { useMutation } from "../../api/useMutation";
import { useDispatchApi } from "./hooks";
import { unitTypeLabel } from "./lifecycle";
import { formatDistance, formatDuration } from "./time";
import type { Incident, Recommendation } from "./types";
import { TableHead } from "../../components/TableHead";
import { t } from "../../i18n/catalogue";

interface Props {
  incident: Incident;
  /** The capability the incident's type needs (from the taxonomy). */
  needed: string;
  canAssign: boolean;
  /** Why assigning is not possible, when it is not. */
  assignBlocked: string | null;
  /** Changes whenever units may have changed (live events), to fetch fresh recommendations. */
  refreshKey: number;
  onAssigned: () => void;
}

/** The nearest available units by estimated travel time, each with an Assign button. */
export function RecommendedUnits({ incident, needed, canAssign, assignBlocked, refreshKey, onAssigned }: Props) {
  const api = useDispatchApi();
  const [anyCapability, setAnyCapability] = useState(false);
  const { latitude, longitude } = incident;
  const located = latitude !== null && longitude !== null;
  const capability = anyCapability ? "" : needed;
  const { resource } = useResource<Recommendation[]>(
    (signal) => (located ? api.recommend(latitude, longitude, capability, signal) : Promise.resolve([])),
    [api, latitude, longitude, capability, refreshKey],
  );

  return (
    <section className="card" aria-labelledby="recommended-title">
      <div className="section-head">
        <h2 id="recommended-title">{t("incidents.recommended")}</h2>
        <div className="field field-inline">
          <input
            id="any-capability"
            type="checkbox"
            checked={anyCapability}
            onChange={(e) => setAnyCapability(e.target.checked)}
          />
          <label htmlFor="any-capability">{t("incidents.anyCapabilityNotOnly", { needed })}</label>
        </div>
      </div>
      {!located ? (
        <p className="state">{t("incidents.theIncidentHasNo")}</p>
      ) : (
        <>
          <StateMessage
            resource={resource}
            what={t("incidents.recommendedUnits")}
            empty={
              resource.data?.length === 0 ? (
                <p className="state">
                  No available unit{anyCapability ? "" : t("incidents.withTheCapability", { needed })} has a known position.
                </p>
              ) : null
            }
          />
          {assignBlocked ? <p className="muted">{assignBlocked}</p> : null}
          {resource.data && resource.data.length > 0 ? (
            <table className="table" data-testid="recommended-units">
              <TableHead columns={[t("incidents.unit2"), t("incidents.type"), t("incidents.distance"), "ETA", t("incidents.dispatch")]} />
              <tbody>
                {resource.data.map((r) => (
                  <RecommendationRow
                    key={r.unit.id}
                    recommendation={r}
                    incidentId={incident.id}
                    disabled={!canAssign || assignBlocked !== null}
                    onAssigned={onAssigned}
                  />
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      )}
    </section>
  );
}

function RecommendationRow({
  recommendation,
  incidentId,
  disabled,
  onAssigned,
}: {
  recommendation: Recommendation;
  incidentId: number;
  disabled: boolean;
  onAssigned: () => void;
}) {
  const api = useDispatchApi();
  const { unit } = recommendation;
  const { busy, error, run: assign } = useMutation(() => api.assign(incidentId, unit.id), {
    onSuccess: onAssigned,
    words: { conflict: t("incidents.couldNotBeAssigned", { callsign: unit.callsign }) },
  });

  return (
    <tr>
      <th scope="row">{unit.callsign}</th>
      <td>{unitTypeLabel(unit.type)}</td>
      <td>{formatDistance(recommendation.distance_m)}</td>
      <td data-testid="eta">{formatDuration(recommendation.travel_s)}</td>
      <td>
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={disabled || busy}
          aria-label={t("incidents.assign", { callsign: unit.callsign })}
          onClick={() => void assign()}
        >
          {busy ? t("incidents.assigning") : t("incidents.assign2")}
        </button>
        {error ? <FieldError>{error}</FieldError> : null}
      </td>
    </tr>
  );
}
