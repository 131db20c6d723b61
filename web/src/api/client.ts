/**
 * The HTTP client: keeps the session (token in memory, mirrored in sessionStorage so a reload
 * keeps you logged in but closing the tab does not), adds the bearer token, and turns any 401 on an
 * authenticated call into "session over" so the app goes back to the login page.
 */
import type { LoginResponse, User } from "./types";

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

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
}

export type QueryValue = string | number | boolean | null | undefined;
/** Query parameters; an array sends the parameter once per item (`status=new&status=dispatched`). */
export type Query = Record<string, QueryValue | readonly QueryValue[]>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  form?: FormData;
  /** Send the token and treat 401 as "session over" (default true). */
  auth?: boolean;
  /** Statuses whose JSON body is still a valid answer (e.g. 503 from /api/health). */
  acceptStatus?: number[];
  signal?: AbortSignal;
}

const STORAGE_KEY = "safecity.session";

export function buildQuery(query: Query | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? (value as readonly QueryValue[]) : [value as QueryValue]) {
      if (item === undefined || item === null || item === "") continue;
      params.append(key, String(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Pydantic prefixes custom validator messages with "Value error, " (also after a field name); people need only the reason. */
export function readableMessage(message: string): string {
  return message.replace(/(^|: )(Value error|Assertion failed), /g, "$1");
}

const LOCATIONS = new Set(["body", "query", "path"]);

/** The problems of a FastAPI 422 body (`detail: [{loc, msg, type}]`), each with the field it names. */
export function problemsOf(body: unknown): FieldProblem[] {
  if (!body || typeof body !== "object" || !("detail" in body)) return [];
  const detail = (body as { detail: unknown }).detail;
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
    const message = readableMessage(typeof msg === "string" ? msg : "invalid value");
    return [{ field: names[names.length - 1] ?? "", message, path }];
  });
}

/** The message of a 422 about `field` (several joined by "; "), or null. */
export function problemFor(error: unknown, field: string): string | null {
  if (!(error instanceof ApiError)) return null;
  const messages = error.problems.filter((p) => p.field === field).map((p) => p.message);
  return messages.length ? messages.join("; ") : null;
}

/**
 * A 422's messages keyed by field. `fields` limits the keys to a form's own fields: a problem about any
 * other field (or none) goes under `otherKey` ("form" unless given), prefixed with the field it names.
 */
export function fieldErrors(error: unknown, fields?: readonly string[], otherKey = "form"): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(error instanceof ApiError)) return errors;
  for (const { field, message } of error.problems) {
    const own = field !== "" && (!fields || fields.includes(field));
    const key = own ? field : otherKey;
    const text = own || !field ? message : `${field}: ${message}`;
    errors[key] = errors[key] ? `${errors[key]}; ${text}` : text;
  }
  return errors;
}

/** A call answered with a file: its bytes, its response headers and the file name the server gave it. */
export interface Download {
  blob: Blob;
  headers: Headers;
  filename: string;
}

/** The file name of a `Content-Disposition` header (`attachment; filename="x.zip"`), or null. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

function detailOf(body: unknown, fallback: string): string {
  if (body && typeof body === "object" && "detail" in body) {
    const detail = (body as { detail: unknown }).detail;
    if (typeof detail === "string") return detail;
    if (Array.isArray(detail)) {
      // FastAPI validation errors: [{loc, msg}, ...]
      return detail
        .map((d) => (d && typeof d === "object" && "msg" in d ? String((d as { msg: unknown }).msg) : ""))
        .filter(Boolean)
        .join("; ");
    }
  }
  return fallback;
}

export class ApiClient {
  private session: Session | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly fetchImpl: typeof fetch;
  private readonly storage: Storage | null;
  readonly baseUrl: string;

  constructor(options: { baseUrl?: string; fetch?: typeof fetch; storage?: Storage | null } = {}) {
    this.baseUrl = options.baseUrl ?? "";
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.storage = options.storage === undefined ? globalThis.sessionStorage ?? null : options.storage;
    this.session = this.restore();
  }

  get currentSession(): Session | null {
    return this.session;
  }

  get token(): string | null {
    return this.session?.token ?? null;
  }

  /** Called when the session ends (401, logout or expiry). Returns an unsubscribe function. */
  onSessionEnd(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async login(username: string, password: string): Promise<Session> {
    const response = await this.request<LoginResponse>("POST", "/api/v1/auth/login", {
      body: { username, password },
      auth: false,
    });
    const session: Session = { token: response.access_token, expiresAt: response.expires_at, user: response.user };
    this.session = session;
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(session));
    return session;
  }

  logout(): void {
    this.endSession();
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>("GET", path, options);
  }

  post<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>("POST", path, { ...options, body });
  }

  patch<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>("PATCH", path, { ...options, body });
  }

  delete<T = void>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>("DELETE", path, options);
  }

  /** Fetch an authenticated binary (media, snapshots) as an object URL for an <img>. Revoke it when done. */
  async blobUrl(path: string, signal?: AbortSignal): Promise<string> {
    const response = await this.send("GET", path, { signal });
    return URL.createObjectURL(await response.blob());
  }

  /**
   * A call answered with a file (e.g. a signed export bundle), for when its headers matter: the bytes, the
   * response headers and the server's file name ("download" when it gives none). Errors as for `request`.
   */
  async download(method: string, path: string, options: RequestOptions = {}): Promise<Download> {
    const response = await this.send(method, path, options);
    return {
      blob: await response.blob(),
      headers: response.headers,
      filename: filenameOf(response.headers.get("Content-Disposition")) ?? "download",
    };
  }

  /** URL for resources the browser loads itself (MJPEG <img>, WebSocket), which cannot send headers. */
  urlWithToken(path: string, query: Query = {}): string {
    return `${this.baseUrl}${path}${buildQuery({ ...query, token: this.token })}`;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  private async send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const auth = options.auth ?? true;
    const headers: Record<string, string> = { Accept: "application/json" };
    let body: BodyInit | undefined;
    if (options.form) {
      body = options.form;
    } else if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.body);
    }
    if (auth && this.session) headers.Authorization = `Bearer ${this.session.token}`;
    const response = await this.fetchImpl(`${this.baseUrl}${path}${buildQuery(options.query)}`, {
      method,
      headers,
      body,
      signal: options.signal,
    });
    if (response.ok || options.acceptStatus?.includes(response.status)) return response;
    if (response.status === 401 && auth) this.endSession();
    const parsed: unknown = await response.json().catch(() => null);
    const retry = response.headers.get("Retry-After");
    throw new ApiError(
      response.status,
      detailOf(parsed, response.statusText || `HTTP ${response.status}`),
      retry ? Number(retry) : null,
      response.status === 422 ? problemsOf(parsed) : [],
    );
  }

  private endSession(): void {
    const hadSession = this.session !== null;
    this.session = null;
    this.storage?.removeItem(STORAGE_KEY);
    if (hadSession) for (const listener of [...this.listeners]) listener();
  }

  private restore(): Session | null {
    const raw = this.storage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    try {
      const session = JSON.parse(raw) as Session;
      if (!session.token || Date.parse(session.expiresAt) <= Date.now()) throw new Error("expired");
      return session;
    } catch {
      this.storage?.removeItem(STORAGE_KEY);
      return null;
    }
  }
}

/** The app's single client. Tests build their own. */
export const api = new ApiClient();
