/** The alert and face-candidate routes this page calls. */
import type { ApiClient } from "../../api/client";
import type { Purpose } from "../../components/PurposeDialog";
import { purposeQuery } from "../../components/PurposeDialog";
import type { CandidateStatus, FaceCandidate, Incident } from "./types";

const alert = (id: number) => ({ params: { path: { alert_id: id } } });

export const alertApi = {
  get: (client: ApiClient, id: number, signal?: AbortSignal) =>
    client.GET("/api/v1/alerts/{alert_id}", { ...alert(id), signal }),
  acknowledge: (client: ApiClient, id: number) => client.POST("/api/v1/alerts/{alert_id}/acknowledge", alert(id)),
  assign: (client: ApiClient, id: number, user: string) =>
    client.POST("/api/v1/alerts/{alert_id}/assign", { ...alert(id), body: { user } }),
  dismiss: (client: ApiClient, id: number, reason: string) =>
    client.POST("/api/v1/alerts/{alert_id}/dismiss", { ...alert(id), body: { reason } }),
  close: (client: ApiClient, id: number, disposition: "true" | "false" | "nuisance") =>
    client.POST("/api/v1/alerts/{alert_id}/close", { ...alert(id), body: { disposition } }),
  escalate: (client: ApiClient, id: number) =>
    client.POST("/api/v1/alerts/{alert_id}/escalate", { ...alert(id), body: { reason: "" } }),
  openIncident: (client: ApiClient, id: number, body: { type: string; title: string }) =>
    client.POST("/api/v1/alerts/{alert_id}/incident", {
      ...alert(id),
      body,
    }) as Promise<Incident>,
};

export const candidateApi = {
  list: (client: ApiClient, purpose: Purpose, status: CandidateStatus | "", signal?: AbortSignal) =>
    client.GET("/api/v1/faces/candidates", {
      params: { query: { ...purposeQuery(purpose), status, limit: 100 } },
      signal,
    }) as Promise<FaceCandidate[]>,
  decide: (client: ApiClient, id: number, purpose: Purpose, decision: "confirm" | "reject", note: string) =>
    client.POST("/api/v1/faces/candidates/{candidate_id}/decisions", {
      params: { path: { candidate_id: id }, query: purposeQuery(purpose) },
      body: { decision, note },
    }) as Promise<FaceCandidate>,
};
