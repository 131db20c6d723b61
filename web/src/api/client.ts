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

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(detail || `HTTP ${status}`);
    this.name = "ApiError";
  }

  /** The route does not exist (yet) on this server: pages show "not available". */
  get notAvailable(): boolean {
    return this.status === 404;
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

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
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
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

  /** Fetch an authenticated binary (media, snapshots) as an object URL for an <img>. Revoke it when done. */
  async blobUrl(path: string, signal?: AbortSignal): Promise<string> {
    const response = await this.send("GET", path, { signal });
    return URL.createObjectURL(await response.blob());
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
