/** The dispatch API (src/safecity/dispatch/api_incidents.py, api_units.py) as typed calls. */
import { buildQuery, type ApiClient } from "../../api/client";
import type {
  Assignment,
  Incident,
  IncidentCreate,
  IncidentDetail,
  IncidentLink,
  IncidentStatus,
  IncidentType,
  LinkKind,
  LogEntry,
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

/** `status` may repeat in the query (`?status=new&status=dispatched`), which `Query` objects cannot say. */
export function incidentsPath(query: IncidentQuery, limit = 500): string {
  const statuses = query.statuses.map((s) => `status=${encodeURIComponent(s)}`).join("&");
  const rest = buildQuery({ type: query.type, limit }).slice(1);
  return `/api/v1/incidents?${[statuses, rest].filter(Boolean).join("&")}`;
}

export const dispatchApi = (client: ApiClient) => ({
  incidentTypes: (signal?: AbortSignal) => client.get<IncidentType[]>("/api/v1/incident-types", { signal }),
  incidents: (query: IncidentQuery, signal?: AbortSignal) => client.get<Incident[]>(incidentsPath(query), { signal }),
  incident: (id: number, signal?: AbortSignal) => client.get<IncidentDetail>(`/api/v1/incidents/${id}`, { signal }),
  situation: (id: number, signal?: AbortSignal) =>
    client.get<Situation>(`/api/v1/incidents/${id}/situation`, { signal }),
  createIncident: (body: IncidentCreate) => client.post<Incident>("/api/v1/incidents", body),
  setIncidentStatus: (id: number, status: IncidentStatus, note: string) =>
    client.post<Incident>(`/api/v1/incidents/${id}/status`, { status, note }),
  addNote: (id: number, text: string) => client.post<LogEntry>(`/api/v1/incidents/${id}/notes`, { text }),
  addLink: (id: number, kind: LinkKind, ref: string, note: string) =>
    client.post<IncidentLink>(`/api/v1/incidents/${id}/links`, { kind, ref, note }),
  assign: (id: number, unitId: string) =>
    client.post<Assignment>(`/api/v1/incidents/${id}/assignments`, { unit_id: unitId }),
  units: (signal?: AbortSignal) => client.get<Unit[]>("/api/v1/units", { signal }),
  recommend: (lat: number, lon: number, capability: string, signal?: AbortSignal) =>
    client.get<Recommendation[]>("/api/v1/units/recommend", {
      query: { lat, lon, capability, limit: 5 },
      signal,
    }),
  createUnit: (body: UnitCreate) => client.post<Unit>("/api/v1/units", body),
  setUnitStatus: (id: string, status: UnitStatus) =>
    client.post<Unit>(`/api/v1/units/${encodeURIComponent(id)}/status`, { status }),
});

export type DispatchApi = ReturnType<typeof dispatchApi>;
