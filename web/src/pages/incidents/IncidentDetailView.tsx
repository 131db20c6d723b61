import { useCallback, useState, type ReactNode } from "react";
import { Link, useParams } from "react-router";
import type { LiveEvent } from "../../api/types";
import { useResource, type Resource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { StateMessage } from "../../components/StateMessage";
import { AssignmentsTable } from "./AssignmentsTable";
import { IncidentStatusBadge, LiveIndicator, PriorityBadge } from "./Badges";
import { useDispatchApi, useDispatchEvents } from "./hooks";
import { IncidentLinks } from "./IncidentLinks";
import { IncidentMap } from "./IncidentMap";
import { IncidentStatusControls } from "./IncidentStatusControls";
import { locationText } from "./IncidentTable";
import { IncidentTimers } from "./IncidentTimers";
import { canDispatchTo } from "./lifecycle";
import { incidentOf, unitChangeOf, upsert } from "./liveState";
import { NarrativeLog } from "./NarrativeLog";
import { NearbyCameras } from "./NearbyCameras";
import { RecommendedUnits } from "./RecommendedUnits";
import { formatClock } from "./time";
import type { IncidentDetail, Situation, Unit } from "./types";
import { t } from "../../i18n/catalogue";

export function IncidentDetailView() {
  const { incidentId } = useParams();
  const id = Number(incidentId);
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <section>
        <h1>{t("incidents.notFound")}</h1>
        <p>
          {t("incidents.isNotAnIncident", { incidentId: incidentId ?? "" })}{" "}<Link to="/incidents">{t("incidents.backToTheIncidents")}</Link>
        </p>
      </section>
    );
  }
  return <IncidentDetailLoader key={id} id={id} />;
}

function IncidentDetailLoader({ id }: { id: number }) {
  const api = useDispatchApi();
  const detail = useResource((signal) => api.incident(id, signal), [api, id]);
  const situation = useResource((signal) => api.situation(id, signal), [api, id]);
  const units = useResource((signal) => api.units(signal), [api]);
  const types = useResource((signal) => api.incidentTypes(signal), [api]);
  const [unitsChanged, setUnitsChanged] = useState(0);
  const reloadDetail = detail.reload;
  const setUnits = units.setResource;

  const applyUnit = useCallback(
    (unit: Unit) => setUnits((r) => (r.status === "ready" ? { status: "ready", data: upsert(r.data, unit) } : r)),
    [setUnits],
  );
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (incidentOf(event)?.id === id) reloadDetail();
      const change = unitChangeOf(event);
      if (change) {
        applyUnit(change.unit);
        setUnitsChanged((n) => n + 1);
        if (change.incidentId === id) reloadDetail();
      }
    },
    [id, reloadDetail, applyUnit],
  );
  const live = useDispatchEvents(onEvent);

  if (!detail.resource.data) {
    return (
      <section>
        <h1>{t("incidents.incident", { id })}</h1>
        {detail.resource.status === "unavailable" ? (
          <p className="state state-error" role="status">
            {t("incidents.thereIsNoIncident", { id })}{" "}<Link to="/incidents">{t("incidents.backToTheIncidents")}</Link>
          </p>
        ) : (
          <StateMessage resource={detail.resource} what={`incident #${id}`} />
        )}
      </section>
    );
  }
  const incidentType = types.resource.data?.find((t) => t.code === detail.resource.data?.incident.type);
  return (
    <IncidentDetailBody
      detail={detail.resource.data}
      units={units.resource.data ?? []}
      typeLabel={incidentType?.label}
      needed={incidentType?.capability ?? (types.resource.status === "loading" ? null : "police")}
      cameras={situation.resource}
      live={<LiveIndicator status={live} />}
      unitsChanged={unitsChanged}
      onChanged={reloadDetail}
      onUnitChanged={(unit) => {
        applyUnit(unit);
        reloadDetail();
      }}
    />
  );
}

function IncidentDetailBody({
  detail,
  units,
  typeLabel,
  needed,
  cameras,
  live,
  unitsChanged,
  onChanged,
  onUnitChanged,
}: {
  detail: IncidentDetail;
  units: Unit[];
  typeLabel: string | undefined;
  /** The unit capability the type needs; null while the taxonomy loads. */
  needed: string | null;
  cameras: Resource<Situation>;
  live: ReactNode;
  unitsChanged: number;
  onChanged: () => void;
  onUnitChanged: (unit: Unit) => void;
}) {
  const { can } = useAuth();
  const { incident, assignments } = detail;
  const canManage = can(Permission.INCIDENTS_MANAGE);
  const canDispatch = can(Permission.DISPATCH_MANAGE);
  const assignBlocked = !canDispatchTo(incident.status)
    ? t("incidents.unitsCanOnlyBe")
    : !canDispatch
      ? t("incidents.yourRoleMayNot")
      : null;
  const assignedUnitIds = new Set(assignments.map((a) => a.unit_id));

  return (
    <article className="incident-detail" aria-labelledby="incident-title">
      <div className="page-head">
        <h1 id="incident-title">
          #{incident.id} {incident.title}
        </h1>
        {live}
      </div>
      <div className="incident-summary">
        <PriorityBadge priority={incident.priority} />
        <IncidentStatusBadge status={incident.status} />
        <span>{typeLabel ?? incident.type}</span>
        <span>{locationText(incident)}</span>
        <span className="muted">
          {t("incidents.reported")}{" "}<time dateTime={incident.received_at}>{formatClock(incident.received_at)}</time>{" "}{t("incidents.by2", { origin: incident.origin, created_by: incident.created_by })}
        </span>
      </div>
      {incident.description ? (
        <section aria-labelledby="incident-description-title" className="incident-description">
          <h2 id="incident-description-title" className="visually-hidden">
            {t("incidents.description")}
          </h2>
          <p data-testid="incident-description">{incident.description}</p>
        </section>
      ) : null}
      <IncidentTimers incident={incident} assignments={assignments} />
      {canManage ? <IncidentStatusControls incident={incident} onChanged={onChanged} /> : null}

      <div className="incident-columns">
        <div>
          {needed === null ? (
            <p className="state" role="status">
              {t("incidents.loadingRecommendedUnits")}
            </p>
          ) : (
            <RecommendedUnits
              incident={incident}
              needed={needed}
              canAssign={canDispatch}
              assignBlocked={assignBlocked}
              refreshKey={unitsChanged}
              onAssigned={onChanged}
            />
          )}
          <section className="card" aria-labelledby="assignments-title">
            <h2 id="assignments-title">{t("incidents.assigned")}</h2>
            <AssignmentsTable
              assignments={assignments}
              units={units}
              canDispatch={canDispatch}
              onUnitChanged={onUnitChanged}
            />
          </section>
          <NarrativeLog incidentId={incident.id} entries={detail.log} canWrite={canManage} onAdded={onChanged} />
          <IncidentLinks incidentId={incident.id} links={detail.links} canWrite={canManage} onAdded={onChanged} moment={incident.received_at} />
        </div>
        <section className="card" aria-labelledby="situation-title">
          <h2 id="situation-title">{t("incidents.situation")}</h2>
          <IncidentMap
            incidents={[incident]}
            units={units.filter((u) => u.status === "available" || assignedUnitIds.has(u.id))}
            cameras={cameras.data?.cameras ?? []}
            focusFirstIncident
            label={t("incidents.situationMapThisIncident")}
          />
          <h3>{t("incidents.nearbyCameras")}</h3>
          <StateMessage resource={cameras} what={t("incidents.theSituationView")} />
          {cameras.data ? <NearbyCameras cameras={cameras.data.cameras} moment={incident.received_at} /> : null}
        </section>
      </div>
    </article>
  );
}
