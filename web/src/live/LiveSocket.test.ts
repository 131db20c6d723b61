import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backoffDelay } from "./backoff";
import { LiveSocket, liveTicketUrl, type LiveStatus, type SocketLike } from "./LiveSocket";

class FakeSocket implements SocketLike {
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  readyState = 1;
  sent: string[] = [];
  closed = false;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
  receive(data: unknown) {
    this.onmessage?.({ data: JSON.stringify(data) } as MessageEvent);
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const statuses: LiveStatus[] = [];
  const events: unknown[] = [];
  const onUnauthorized = vi.fn();
  const live = new LiveSocket({
    url: () => "ws://test/api/v1/live?token=t",
    onEvent: (e) => events.push(e),
    onStatus: (s) => statuses.push(s),
    onUnauthorized,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    backoff: { baseMs: 1000, maxMs: 8000, random: () => 1 },
    pingMs: 10_000,
  });
  return { live, sockets, statuses, events, onUnauthorized };
}

const HELLO = { type: "live.hello", user: "alice", topics: [">"] };

describe("LiveSocket", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("is connected after the hello and forwards events", () => {
    const { live, sockets, statuses, events } = setup();
    live.start();
    expect(statuses.at(-1)?.state).toBe("connecting");
    sockets[0]?.receive(HELLO);
    expect(live.current.state).toBe("connected");
    sockets[0]?.receive({ id: "1", type: "alert.raised", time: "t", camera_id: null, source: "x", payload: {} });
    expect(events).toHaveLength(1);
  });

  it("reconnects with growing, capped delays and resets after a hello", () => {
    const { live, sockets } = setup();
    live.start();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      sockets.at(-1)?.drop();
      expect(live.current.state).toBe("reconnecting");
      delays.push(live.current.retryInMs ?? -1);
      vi.advanceTimersByTime(live.current.retryInMs ?? 0);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(sockets).toHaveLength(6);

    sockets.at(-1)?.receive(HELLO);
    expect(live.current).toEqual({ state: "connected", attempt: 0, retryInMs: null });
    sockets.at(-1)?.drop();
    expect(live.current.retryInMs).toBe(1000);
  });

  it("does not reconnect before the delay has passed", () => {
    const { live, sockets } = setup();
    live.start();
    sockets[0]?.drop();
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
  });

  it("stops on a policy-violation close (bad token) and reports it", () => {
    const { live, sockets, onUnauthorized } = setup();
    live.start();
    sockets[0]?.drop(1008);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(live.current.state).toBe("unauthorized");
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it("stop() closes the socket and cancels a pending reconnect", () => {
    const { live, sockets } = setup();
    live.start();
    sockets[0]?.drop();
    live.stop();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(live.current.state).toBe("stopped");
  });

  it("pings while connected", () => {
    const { live, sockets } = setup();
    live.start();
    sockets[0]?.receive(HELLO);
    vi.advanceTimersByTime(20_000);
    expect(sockets[0]?.sent).toEqual(["ping", "ping"]);
    live.stop();
    expect(sockets[0]?.closed).toBe(true);
  });

  it("ignores messages that are not JSON events", () => {
    const { live, sockets, events } = setup();
    live.start();
    sockets[0]?.onmessage?.({ data: "not json" } as MessageEvent);
    sockets[0]?.receive([1, 2]);
    expect(events).toHaveLength(0);
  });
});

describe("backoffDelay", () => {
  it("jitters between half and all of the capped exponential delay", () => {
    const options = { baseMs: 1000, maxMs: 30_000 };
    expect(backoffDelay(0, { ...options, random: () => 0 })).toBe(500);
    expect(backoffDelay(0, { ...options, random: () => 1 })).toBe(1000);
    expect(backoffDelay(3, { ...options, random: () => 0.5 })).toBe(6000);
    expect(backoffDelay(20, { ...options, random: () => 1 })).toBe(30_000);
  });
});

describe("liveTicketUrl", () => {
  it("uses wss on https and encodes the media ticket and topics, never a token", () => {
    const url = liveTicketUrl("a b", ["alert.>", "camera.*"], { protocol: "https:", host: "c.example" } as Location);
    expect(url).toBe("wss://c.example/api/v1/live?ticket=a+b&topics=alert.%3E%2Ccamera.*");
  });
});
