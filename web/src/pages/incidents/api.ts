/** The dispatch API (src/safecity/dispatch/api_incidents.py, api_units.py) as typed calls. */
import type { ApiClient, Query } from "../../api/client";
import type {
  Assignment,
  Incident,
  IncidentCreate,
  IncidentDetail,
  IncidentLink,
  IncidentStatus,
  LinkKind,
  Recommendation,
  Situation,
  Unit,
  UnitCreate,
  UnitStatus,
} from "./types";

export interface IncidentQuery {
  statuses: readonly IncidentStatus[];
  type: string;
}

/** The incident list's query: `status` repeats for each status wanted, an empty type means any. */
export function incidentsQuery(query: IncidentQuery, limit = 500) {
  return { status: [...query.statuses], type: query.type, limit } satisfies Query;
}

const incident = (id: number) => ({ params: { path: { incident_id: id } } });

export const dispatchApi = (client: ApiClient) => ({
  incidentTypes: (signal?: AbortSignal) => client.GET("/api/v1/incident-types", { signal }),
  incidents: (query: IncidentQuery, signal?: AbortSignal) =>
    client.GET("/api/v1/incidents", { params: { query: incidentsQuery(query) }, signal }) as Promise<Incident[]>,
  incident: (id: number, signal?: AbortSignal) =>
    client.GET("/api/v1/incidents/{incident_id}", { ...incident(id), signal }) as Promise<IncidentDetail>,
  situation: (id: number, signal?: AbortSignal) =>
    client.GET("/api/v1/incidents/{incident_id}/situation", { ...incident(id), signal }) as Promise<Situation>,
  createIncident: (body: IncidentCreate) => client.POST("/api/v1/incidents", { body }) as Promise<Incident>,
  setIncidentStatus: (id: number, status: IncidentStatus, note: string) =>
    client.POST("/api/v1/incidents/{incident_id}/status", { ...incident(id), body: { status, note } }) as Promise<Incident>,
  addNote: (id: number, text: string) => client.POST("/api/v1/incidents/{incident_id}/notes", { ...incident(id), body: { text } }),
  addLink: (id: number, kind: LinkKind, ref: string, note: string) =>
    client.POST("/api/v1/incidents/{incident_id}/links", { ...incident(id), body: { kind, ref, note } }) as Promise<IncidentLink>,
  assign: (id: number, unitId: string): Promise<Assignment> =>
    client.POST("/api/v1/incidents/{incident_id}/assignments", { ...incident(id), body: { unit_id: unitId } }),
  units: (signal?: AbortSignal) => client.GET("/api/v1/units", { signal }) as Promise<Unit[]>,
  recommend: (lat: number, lon: number, capability: string, signal?: AbortSignal) =>
    client.GET("/api/v1/units/recommend", { params: { query: { lat, lon, capability, limit: 5 } }, signal }) as Promise<
      Recommendation[]
    >,
  createUnit: (body: UnitCreate) => client.POST("/api/v1/units", { body }) as Promise<Unit>,
  setUnitStatus: (id: string, status: UnitStatus) =>
    client.POST("/api/v1/units/{unit_id}/status", { params: { path: { unit_id: id } }, body: { status } }) as Promise<Unit>,
});

export type DispatchApi = ReturnType<typeof dispatchApi>;
