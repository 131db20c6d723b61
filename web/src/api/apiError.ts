import { t } from "../i18n/catalogue";
/** A refused request: its status, the server's `{"detail": ...}` in words and, for a 422, each field problem. */

/** One problem of a FastAPI 422: the request field it names ("" when none) and the message in words. */
export interface FieldProblem {
  field: string;
  message: string;
  /** The whole location below body/query/path, e.g. ["scene", "zones", 0, "name"] (empty when none). */
  path: (string | number)[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly retryAfterSeconds: number | null = null,
    /** Each problem of a 422 with the field it names; empty for other statuses. */
    readonly problems: FieldProblem[] = [],
  ) {
    super(detail || `HTTP ${status}`);
    this.name = "ApiError";
  }

  /** The route does not exist (yet) on this server: pages show "not available". */
  get notAvailable(): boolean {
    return this.status === 404;
  }

  /** The error a non-2xx response stands for, from its parsed JSON body (null when it had none). */
  static of(response: Response, body: unknown): ApiError {
    const retry = response.headers.get("Retry-After");
    return new ApiError(
      response.status,
      detailOf(body, response.statusText || `HTTP ${response.status}`),
      retry ? Number(retry) : null,
      response.status === 422 ? problemsOf(body) : [],
    );
  }
}

/** Pydantic prefixes custom validator messages with "Value error, " (also after a field name); people need only the reason. */
export function readableMessage(message: string): string {
  return message.replace(/(^|: )(Value error|Assertion failed), /g, "$1");
}

const LOCATIONS = new Set(["body", "query", "path"]);

function detailItems(body: unknown): unknown {
  return body && typeof body === "object" && "detail" in body ? (body as { detail: unknown }).detail : undefined;
}

/** The problems of a FastAPI 422 body (`detail: [{loc, msg, type}]`), each with the field it names. */
export function problemsOf(body: unknown): FieldProblem[] {
  const detail = detailItems(body);
  if (typeof detail === "string") return [{ field: "", message: readableMessage(detail), path: [] }];
  if (!Array.isArray(detail)) return [];
  return detail.flatMap((item: unknown) => {
    if (!item || typeof item !== "object") return [];
    const { loc, msg } = item as { loc?: unknown; msg?: unknown };
    // loc is ["body", "name"], ["query", "plate"], ["body", "scene", "zones", 0, "name"]...: the last
    // part that is not a location (or a list index) names the field.
    const all = Array.isArray(loc) ? loc.filter((p): p is string | number => typeof p === "string" || typeof p === "number") : [];
    const path = typeof all[0] === "string" && LOCATIONS.has(all[0]) ? all.slice(1) : all;
    const names = path.filter((part): part is string => typeof part === "string");
    const message = readableMessage(typeof msg === "string" ? msg : t("common.invalidValue"));
    return [{ field: names[names.length - 1] ?? "", message, path }];
  });
}

function detailOf(body: unknown, fallback: string): string {
  const detail = detailItems(body);
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    // FastAPI validation errors: [{loc, msg}, ...]
    return detail
      .map((d) => (d && typeof d === "object" && "msg" in d ? String((d as { msg: unknown }).msg) : ""))
      .filter(Boolean)
      .join("; ");
  }
  return fallback;
}
