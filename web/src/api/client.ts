/**
 * The HTTP client: keeps the session (see session.ts), adds the bearer token, and turns any 401 on an
 * authenticated call into "session over" so the app goes back to the login page.
 *
 * Calls are typed by the API's OpenAPI document (schema.d.ts, made by scripts/gen-api): `client.GET(path,
 * init)` checks the path, its parameters and body against the spec and resolves with the response's data;
 * a refusal rejects with an `ApiError`. Init is openapi-fetch's (`params: {path, query, header}`, `body`,
 * `signal`) plus `auth` and `acceptStatus`.
 */
import createClient, { type Client, type ClientPathsWithMethod, type MaybeOptionalInit, type MethodResponse } from "openapi-fetch";
import { ApiError } from "./apiError";
import type { paths, Schemas } from "./schemas";
import { restoreSession, saveSession, type Session } from "./session";
import { t } from "../i18n/catalogue";

export { ApiError, problemsOf, readableMessage, type FieldProblem } from "./apiError";
export { fieldErrors, problemFor } from "./errors";
export type { Session } from "./session";

export type QueryValue = string | number | boolean | null | undefined;
/** Query parameters; an array sends the parameter once per item (`status=new&status=dispatched`). */
export type Query = Record<string, QueryValue | readonly QueryValue[]>;

/** What a call adds to openapi-fetch's init. */
export interface CallOptions {
  /** Send the token and treat 401 as "session over" (default true). */
  auth?: boolean;
  /** Statuses whose JSON body is still a valid answer (e.g. 503 from /api/health). */
  acceptStatus?: number[];
}

type Http = Client<paths>;
export type HttpMethod = "get" | "put" | "post" | "patch" | "delete";
/** The API paths that accept `M`, e.g. `PathOf<"get">`. */
export type PathOf<M extends HttpMethod> = ClientPathsWithMethod<Http, M>;
type SpecInit<M extends HttpMethod, P extends PathOf<M>> = MaybeOptionalInit<paths[P], M>;
export type InitOf<M extends HttpMethod, P extends PathOf<M>> = NonNullable<SpecInit<M, P>> & CallOptions;
/** The init argument, optional when the route needs no parameters or body. */
type InitArgs<M extends HttpMethod, P extends PathOf<M>> =
  undefined extends SpecInit<M, P> ? [init?: InitOf<M, P>] : [init: InitOf<M, P>];
/** What a successful call resolves with: the route's JSON response (undefined for 204). */
export type DataOf<M extends HttpMethod, P extends PathOf<M>> = MethodResponse<Http, M, P>;

/** A typed call of one HTTP method. */
export type Call<M extends HttpMethod> = <P extends PathOf<M>>(path: P, ...init: InitArgs<M, P>) => Promise<DataOf<M, P>>;

/** A call answered with a file: its bytes, its response headers and the file name the server gave it. */
export interface Download {
  blob: Blob;
  headers: Headers;
  filename: string;
}

/** Any call's init, as `send` reads it. */
type SendInit = CallOptions & { [key: string]: unknown };
type ParseAs = "json" | "blob";

export function buildQuery(query: Query | undefined): string {
  const text = queryText(query);
  return text ? `?${text}` : "";
}

/** The query string without "?": empty values are left out, arrays repeat the parameter. */
function queryText(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? (value as readonly QueryValue[]) : [value as QueryValue]) {
      if (item === undefined || item === null || item === "") continue;
      params.append(key, String(item));
    }
  }
  return params.toString();
}

/** The file name of a `Content-Disposition` header (`attachment; filename="x.zip"`), or null. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * openapi-fetch builds its request with this instead of `Request`, so the transport is called the way
 * window.fetch is (path, init): a relative path works outside a browser too, and an upload's FormData
 * is handed on as is instead of being copied into a stream.
 */
class PlainRequest {
  readonly method: string;
  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {
    this.method = init.method ?? "GET";
  }
}

/** "content-type" → "Content-Type": Headers lower-cases names; the transport gets them as usually written. */
function plainHeaders(headers: HeadersInit | undefined): Record<string, string> {
  const plain: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    plain[name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase())] = value;
  });
  return plain;
}

export class ApiClient {
  private session: Session | null;
  private locked = false;
  private refreshing: Promise<Session | null> | null = null;
  private ticket: { value: string; expiresAt: string } | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly fetchImpl: typeof fetch;
  private readonly storage: Storage | null;
  private readonly http: Http;
  readonly baseUrl: string;

  constructor(options: { baseUrl?: string; fetch?: typeof fetch; storage?: Storage | null } = {}) {
    this.baseUrl = options.baseUrl ?? "";
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.storage = options.storage === undefined ? (globalThis.sessionStorage ?? null) : options.storage;
    this.session = restoreSession(this.storage);
    this.http = createClient<paths>({
      baseUrl: this.baseUrl,
      headers: { Accept: "application/json" },
      Request: PlainRequest as unknown as typeof Request,
      fetch: (request) => {
        const { url, init } = request as unknown as PlainRequest;
        return this.fetchImpl(url, { ...init, headers: plainHeaders(init.headers) });
      },
      querySerializer: (query) => queryText(query as Query),
    });
  }

  /** Typed calls, checked against the API's OpenAPI document. */
  readonly GET: Call<"get"> = this.typed("get");
  readonly POST: Call<"post"> = this.typed("post");
  readonly PUT: Call<"put"> = this.typed("put");
  readonly PATCH: Call<"patch"> = this.typed("patch");
  readonly DELETE: Call<"delete"> = this.typed("delete");

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
    const response = await this.POST("/api/v1/auth/login", { body: { username, password }, auth: false });
    this.locked = false;
    return this.keep(response, response.user);
  }

  /**
   * A new access token for the refresh cookie (rotated by the server), keeping the user; null when the
   * login is over (revoked, reused, past the shift). Concurrent callers share one request.
   */
  refresh(): Promise<Session | null> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** With no session in this window (a pop-out, a new tab, a reload after expiry): resume the login from its cookie. */
  async resume(): Promise<Session | null> {
    if (this.session) return this.session;
    return this.refresh();
  }

  /** End the login: the server revokes its refresh tokens and clears the cookie. */
  logout(): void {
    void this.revokeLogin();
    this.locked = false;
    this.endSession();
  }

  /**
   * Idle lock: forget the access token and end the login on the server, but keep the user in memory so the page
   * stays as it is; `login()` with the password unlocks. Calls made while locked fail without ending the session.
   */
  lock(): void {
    if (!this.session) return;
    void this.revokeLogin();
    this.locked = true;
    this.session = { ...this.session, token: "" };
    saveSession(this.storage, null);
    this.ticket = null;
  }

  get isLocked(): boolean {
    return this.locked;
  }

  /** A short-lived media ticket for URLs the browser loads itself (reused while it has 10 s left). */
  async mediaTicket(): Promise<string> {
    if (this.ticket && Date.parse(this.ticket.expiresAt) - Date.now() > 10_000) return this.ticket.value;
    const answer = await this.POST("/api/v1/auth/media-ticket");
    this.ticket = { value: answer.ticket, expiresAt: answer.expires_at };
    return answer.ticket;
  }

  /** URL for resources the browser loads itself (MJPEG <img>, WebSocket), which cannot send headers: a media ticket, never the access token. */
  async mediaUrl(path: string, query: Query = {}): Promise<string> {
    return `${this.baseUrl}${path}${buildQuery({ ...query, ticket: await this.mediaTicket() })}`;
  }

  private async refreshOnce(): Promise<Session | null> {
    const known = this.session?.user ?? null;
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}/api/v1/auth/refresh`, {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
    } catch {
      return null;
    }
    if (!response.ok) return null;
    const body = (await response.json()) as Omit<Schemas["LoginResponse"], "user">;
    if (this.locked || typeof body.access_token !== "string") return null;
    if (known) return this.keep(body, known);
    try {
      const me = await this.fetchImpl(`${this.baseUrl}/api/v1/auth/me`, {
        headers: { Accept: "application/json", Authorization: `Bearer ${body.access_token}` },
      });
      return me.ok ? this.keep(body, (await me.json()) as Schemas["UserOut"]) : null;
    } catch {
      return null;
    }
  }

  private keep(answer: Omit<Schemas["LoginResponse"], "user">, user: Schemas["UserOut"]): Session {
    const session: Session = {
      token: answer.access_token,
      expiresAt: answer.expires_at,
      user,
      sessionExpiresAt: answer.session_expires_at,
      idleLockSeconds: answer.idle_lock_seconds,
    };
    this.session = session;
    saveSession(this.storage, session);
    return session;
  }

  private async revokeLogin(): Promise<void> {
    try {
      await this.fetchImpl(`${this.baseUrl}/api/v1/auth/logout`, { method: "POST", credentials: "same-origin" });
    } catch {
      /* offline: the login ends with its shift */
    }
  }

  /**
   * A typed call answered with a file (a PDF, a signed export bundle): the bytes, the response headers and
   * the server's file name ("download" when it gives none). Errors as for the other calls.
   */
  async file<M extends HttpMethod, P extends PathOf<M>>(method: M, path: P, ...init: InitArgs<M, P>): Promise<Download> {
    const { data, response } = await this.send(method, path, init[0], "blob");
    return {
      blob: data as Blob,
      headers: response.headers,
      filename: filenameOf(response.headers.get("Content-Disposition")) ?? "download",
    };
  }

  /** Fetch an authenticated binary (media, snapshots) as an object URL for an <img>. Revoke it when done. */
  async blobUrl(path: string, signal?: AbortSignal): Promise<string> {
    const { data } = await this.send("get", path, { signal }, "blob");
    return URL.createObjectURL(data as Blob);
  }

  private typed<M extends HttpMethod>(method: M): Call<M> {
    return async (path, ...init) => (await this.send(method, path, init[0])).data as never;
  }

  private async send(
    method: HttpMethod,
    path: string,
    init: object | undefined,
    parseAs: ParseAs = "json",
    retried = false,
  ): Promise<{ data: unknown; response: Response }> {
    const { auth = true, acceptStatus, ...rest } = (init ?? {}) as SendInit;
    if (auth && this.locked) throw new ApiError(401, t("common.theConsoleIsLocked"));
    const headers = auth && this.session?.token ? { Authorization: `Bearer ${this.session.token}` } : {};
    const { data, error, response } = await this.http.request(method, path as never, { ...rest, headers, parseAs } as never);
    if (response.ok) return { data, response };
    if (acceptStatus?.includes(response.status)) return { data: error, response };
    if (response.status === 401 && auth && !this.locked) {
      // The access token ran out (a laptop asleep past the refresh): trade the cookie once, then try again.
      if (!retried && this.session && (await this.refresh())) return this.send(method, path, init, parseAs, true);
      this.endSession();
    }
    throw ApiError.of(response, error ?? null);
  }

  private endSession(): void {
    const hadSession = this.session !== null;
    this.session = null;
    this.ticket = null;
    saveSession(this.storage, null);
    if (hadSession) for (const listener of [...this.listeners]) listener();
  }
}

/** The app's single client. Tests build their own. */
export const api = new ApiClient();
