import { useCallback, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import type { LiveEvent } from "../../api/types";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { StateMessage } from "../../components/StateMessage";
import { LivePageHead } from "./Badges";
import { CreateIncidentForm, EMPTY_LOCATION, locationDraftOf, pointOf, type LocationDraft } from "./CreateIncidentForm";
import { useDispatchApi, useDispatchEvents } from "./hooks";
import { DEFAULT_FILTER, IncidentFilters, matchesFilter, statusesOf, type IncidentFilter } from "./IncidentFilters";
import { IncidentMap, MapLegend } from "./IncidentMap";
import { IncidentTable } from "./IncidentTable";
import { incidentOf, unitChangeOf, upsert } from "./liveState";
import type { Incident, Unit } from "./types";
import { t } from "../../i18n/catalogue";

/** Most urgent first, then newest: the server's order, kept for incidents that arrive live. */
export function byUrgency(a: Incident, b: Incident): number {
  return a.priority - b.priority || Date.parse(b.received_at) - Date.parse(a.received_at);
}

export function IncidentsOverview() {
  const api = useDispatchApi();
  const { can } = useAuth();
  const navigate = useNavigate();
  const canCreate = can(Permission.INCIDENTS_MANAGE);
  const [filter, setFilter] = useState<IncidentFilter>(DEFAULT_FILTER);
  const [location, setLocation] = useState<LocationDraft>(EMPTY_LOCATION);
  const types = useResource((signal) => api.incidentTypes(signal), [api]);
  const incidents = useResource(
    (signal) => api.incidents({ statuses: statusesOf(filter.status), type: filter.type }, signal),
    [api, filter.status, filter.type],
  );
  const units = useResource((signal) => api.units(signal), [api]);
  const setIncidents = incidents.setResource;
  const setUnits = units.setResource;

  const onEvent = useCallback(
    (event: LiveEvent) => {
      const incident = incidentOf(event);
      if (incident)
        setIncidents((r) => (r.status === "ready" ? { status: "ready", data: upsert(r.data, incident) } : r));
      const change = unitChangeOf(event);
      if (change) setUnits((r) => (r.status === "ready" ? { status: "ready", data: upsert(r.data, change.unit) } : r));
    },
    [setIncidents, setUnits],
  );
  const live = useDispatchEvents(onEvent);

  const typeList = useMemo(() => types.resource.data ?? [], [types.resource.data]);
  const typeLabel = useCallback(
    (code: string) => typeList.find((t) => t.code === code)?.label ?? code,
    [typeList],
  );
  const shown = useMemo(
    () => (incidents.resource.data ?? []).filter((i) => matchesFilter(i, filter)).sort(byUrgency),
    [incidents.resource.data, filter],
  );
  const unitList: Unit[] = units.resource.data ?? [];

  return (
    <section aria-labelledby="incidents-title">
      <LivePageHead title={t("incidents.title")} titleId="incidents-title" live={live} />
      <IncidentFilters filter={filter} types={typeList} onChange={setFilter} />
      <div className="incidents-overview">
        <div className="incidents-list">
          <StateMessage
            resource={incidents.resource}
            what="incidents"
            empty={shown.length === 0 ? <p className="state">No incidents match the filters.</p> : null}
          />
          {shown.length > 0 ? <IncidentTable incidents={shown} typeLabel={typeLabel} /> : null}
        </div>
        <div className="incidents-map">
          <IncidentMap
            incidents={shown}
            units={unitList}
            draft={pointOf(location)}
            onPick={canCreate ? (point) => setLocation(locationDraftOf(point)) : undefined}
            onOpenIncident={(id) => navigate(`/incidents/${id}`)}
            label={
              canCreate
                ? t("incidents.incidentsAndUnitsMap")
                : t("incidents.incidentsAndUnitsMap2")
            }
          />
          <MapLegend />
          <StateMessage resource={units.resource} what="units" />
        </div>
      </div>
      {canCreate ? (
        <>
          <StateMessage resource={types.resource} what={t("incidents.incidentTypes")} />
          <CreateIncidentForm
            types={typeList}
            location={location}
            onLocationChange={setLocation}
            onCreated={(incident) => navigate(`/incidents/${incident.id}`)}
          />
        </>
      ) : null}
    </section>
  );
}
