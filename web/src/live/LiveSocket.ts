/**
 * The live event WebSocket with reconnect and backoff, independent of React so it can be tested with a
 * fake socket and fake timers. `useLiveSocket` wraps it for components.
 */
import type { LiveEvent } from "../api/types";
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from "./backoff";

export type LiveState = "connecting" | "connected" | "reconnecting" | "unauthorized" | "stopped";

export interface LiveStatus {
  state: LiveState;
  /** Failed attempts since the last successful hello. */
  attempt: number;
  /** When reconnecting: the delay before the next try. */
  retryInMs: number | null;
}

/** The subset of the browser WebSocket this class uses. */
export interface SocketLike {
  onopen: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface LiveSocketOptions {
  /** Called for every connection attempt, so a fresh credential (a media ticket) is used each time. */
  url: () => string | null | Promise<string | null>;
  onEvent: (event: LiveEvent) => void;
  onStatus?: (status: LiveStatus) => void;
  /** The server closed with 1008 (token missing or expired). */
  onUnauthorized?: () => void;
  createSocket?: (url: string) => SocketLike;
  backoff?: BackoffOptions;
  /** Keep-alive ping interval, so idle proxies do not cut the connection. */
  pingMs?: number;
}

export const CLOSE_POLICY_VIOLATION = 1008;
const OPEN = 1;

export class LiveSocket {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = true;
  private status: LiveStatus = { state: "stopped", attempt: 0, retryInMs: null };

  constructor(private readonly options: LiveSocketOptions) {}

  get current(): LiveStatus {
    return this.status;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.onerror = null;
      socket.close(1000, "console closed");
    }
    this.setStatus({ state: "stopped", attempt: this.attempt, retryInMs: null });
  }

  private connect(): void {
    const url = this.options.url();
    if (typeof url === "string" || url === null) {
      this.open(url);
      return;
    }
    url.then(
      (resolved) => {
        if (!this.stopped) this.open(resolved);
      },
      () => {
        if (!this.stopped) this.handleClose({ code: 1006 } as CloseEvent);
      },
    );
  }

  private open(url: string | null): void {
    if (!url) {
      this.setStatus({ state: "unauthorized", attempt: this.attempt, retryInMs: null });
      return;
    }
    this.setStatus({ state: this.attempt === 0 ? "connecting" : "reconnecting", attempt: this.attempt, retryInMs: null });
    const create = this.options.createSocket ?? ((u: string) => new WebSocket(u));
    const socket = create(url);
    this.socket = socket;
    socket.onmessage = (message) => this.handleMessage(message);
    socket.onclose = (event) => this.handleClose(event);
    socket.onerror = () => {
      /* a close event always follows; reconnect is handled there */
    };
  }

  private handleMessage(message: MessageEvent): void {
    let data: unknown;
    try {
      data = JSON.parse(String(message.data));
    } catch {
      return;
    }
    if (!data || typeof data !== "object" || !("type" in data)) return;
    const event = data as LiveEvent;
    if (event.type === "live.hello") {
      this.attempt = 0;
      this.setStatus({ state: "connected", attempt: 0, retryInMs: null });
      this.startPing();
      return;
    }
    this.options.onEvent(event);
  }

  private handleClose(event: CloseEvent): void {
    this.socket = null;
    this.clearTimers();
    if (this.stopped) return;
    if (event.code === CLOSE_POLICY_VIOLATION) {
      this.stopped = true;
      this.setStatus({ state: "unauthorized", attempt: this.attempt, retryInMs: null });
      this.options.onUnauthorized?.();
      return;
    }
    const delay = backoffDelay(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF);
    this.attempt += 1;
    this.setStatus({ state: "reconnecting", attempt: this.attempt, retryInMs: delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.connect();
    }, delay);
  }

  private startPing(): void {
    const every = this.options.pingMs ?? 25_000;
    if (every <= 0) return;
    this.pingTimer = setInterval(() => {
      if (this.socket && this.socket.readyState === OPEN) this.socket.send("ping");
    }, every);
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.retryTimer = null;
    this.pingTimer = null;
  }

  private setStatus(status: LiveStatus): void {
    this.status = status;
    this.options.onStatus?.(status);
  }
}

/**
 * ws:// or wss:// URL of the live endpoint on this origin (works behind the Vite dev proxy too), with a media
 * ticket (`POST /api/v1/auth/media-ticket`): the server refuses an access token in the URL.
 */
export function liveTicketUrl(ticket: string, topics: readonly string[], location: Location = window.location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const params = new URLSearchParams({ ticket, topics: topics.join(",") });
  return `${scheme}//${location.host}/api/v1/live?${params.toString()}`;
}
