/** The alert and face-candidate routes this page calls, and API errors in words. */
import type { ApiClient } from "../../api/client";
import type { Purpose } from "../../components/PurposeDialog";
import { purposeQuery } from "../../components/PurposeDialog";
import type { Alert, CandidateStatus, FaceCandidate, Incident } from "./types";

const alertPath = (id: number) => `/api/v1/alerts/${id}`;

export const alertApi = {
  get: (client: ApiClient, id: number, signal?: AbortSignal) => client.get<Alert>(alertPath(id), { signal }),
  acknowledge: (client: ApiClient, id: number) => client.post<Alert>(`${alertPath(id)}/acknowledge`),
  assign: (client: ApiClient, id: number, user: string) => client.post<Alert>(`${alertPath(id)}/assign`, { user }),
  dismiss: (client: ApiClient, id: number, reason: string) =>
    client.post<Alert>(`${alertPath(id)}/dismiss`, { reason }),
  escalate: (client: ApiClient, id: number) => client.post<Alert>(`${alertPath(id)}/escalate`, { reason: "" }),
  openIncident: (client: ApiClient, id: number, body: { type: string; title: string }) =>
    client.post<Incident>(`${alertPath(id)}/incident`, body),
};

export const candidateApi = {
  list: (client: ApiClient, purpose: Purpose, status: CandidateStatus | "", signal?: AbortSignal) =>
    client.get<FaceCandidate[]>("/api/v1/faces/candidates", {
      query: { ...purposeQuery(purpose), status, limit: 100 },
      signal,
    }),
  decide: (client: ApiClient, id: number, purpose: Purpose, decision: "confirm" | "reject", note: string) =>
    client.post<FaceCandidate>(
      `/api/v1/faces/candidates/${id}/decisions`,
      { decision, note },
      { query: purposeQuery(purpose) },
    ),
};

/** An API failure as a sentence for the operator, next to the control that caused it. */
