import type { ApiClient } from "./client";

export interface HealthCheck {
  ok: boolean;
  reason?: string;
  [key: string]: unknown;
}

/** The body of GET /api/health (the route declares no response model, so it is written out here). */
export interface Health {
  status: "ok" | "degraded";
  version: string;
  checks: Record<string, HealthCheck>;
}

/** The server's health; a 503 still carries the per-check report. Needs no login. */
export async function readHealth(client: ApiClient, signal?: AbortSignal): Promise<Health> {
  return (await client.GET("/api/health", { signal, auth: false, acceptStatus: [503] })) as Health;
}
