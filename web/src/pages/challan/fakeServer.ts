/** A fake e-challan server for component tests: answers the routes the area calls, and records requests. */
import { vi } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { aTicket } from "./testData";
import type { DecisionBody, DecisionOutcome, Violation } from "./types";
import { t } from "../../i18n/catalogue";

export const REASONS = ["misread_plate", "emergency_vehicle", "signal_fault", "no_violation", "poor_evidence", "other"];

export interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

type Handler = (request: Request) => Response | undefined;

export function fakeChallanServer(initial: Violation[], extra: Handler = () => undefined) {
  const violations = new Map(initial.map((v) => [v.id, { ...v }]));
  const requests: Request[] = [];
  let decide = (violation: Violation, body: DecisionBody): Response => {
    if (body.decision === "reject") {
      const decided = { ...violation, status: "rejected" as const, reason: body.reason ?? null };
      violations.set(violation.id, decided);
      return jsonResponse(200, { violation: decided, ticket: null, message: `rejected: ${body.reason}` } satisfies DecisionOutcome);
    }
    const decided = { ...violation, status: "accepted" as const };
    violations.set(violation.id, decided);
    const ticket = aTicket({ number: `EC250301-${violation.id.toUpperCase().padEnd(8, "X")}`, violation_id: violation.id });
    return jsonResponse(200, { violation: decided, ticket, message: `ticket ${ticket.number} issued` } satisfies DecisionOutcome);
  };

  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://console.test");
    const request: Request = {
      method: init?.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const custom = extra(request);
    if (custom) return custom;
    const { method, path } = request;
    if (path === "/api/v1/cameras") return jsonResponse(200, []);
    if (path === "/api/v1/challan/reasons") return jsonResponse(200, REASONS);
    if (method === "GET" && path === "/api/v1/challan/violations") {
      const pending = [...violations.values()].filter((v) => v.status === "pending");
      return jsonResponse(200, pending.map((v) => ({ ...v, evidence: [] })));
    }
    const one = /^\/api\/v1\/challan\/violations\/([^/]+)(\/decision)?$/.exec(path);
    const violation = one?.[1] ? violations.get(one[1]) : undefined;
    if (one && !violation) return jsonResponse(404, { detail: t("challan.noViolation", { value: one[1] ?? "" }) });
    if (violation && method === "GET") return jsonResponse(200, violation);
    if (violation && method === "POST") return decide(violation, request.body as DecisionBody);
    return jsonResponse(404, { detail: t("challan.notFound") });
  });

  return {
    fetchImpl,
    requests,
    decisions: () => requests.filter((r) => r.method === "POST" && r.path.endsWith("/decision")),
    onDecide(handler: (violation: Violation, body: DecisionBody) => Response) {
      decide = handler;
    },
  };
}
