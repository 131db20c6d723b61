import { describe, expect, it, vi } from "vitest";
import { refreshDelayMs } from "../auth/refreshTiming";
import { jsonResponse, loggedInClient, userWith } from "../test/fakes";

const inAMinute = () => new Date(Date.now() + 60_000).toISOString();
const refreshed = (token: string) => ({
  access_token: token,
  token_type: "bearer",
  expires_at: inAMinute(),
  session_expires_at: new Date(Date.now() + 12 * 3_600_000).toISOString(),
  idle_lock_seconds: 900,
});

function bearerOf(call: unknown[]): string | undefined {
  return ((call[1] as RequestInit | undefined)?.headers as Record<string, string> | undefined)?.Authorization;
}

describe("sessions in the client", () => {
  it("refreshes once for concurrent callers and keeps the user", async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, refreshed("tok-2")));
    const { client } = loggedInClient(userWith(["cameras.read"]), fetchImpl);
    const [a, b] = await Promise.all([client.refresh(), client.refresh()]);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(a?.token).toBe("tok-2");
    expect(b).toBe(a);
    expect(client.currentSession?.user.permissions).toEqual(["cameras.read"]);
  });

  it("answers a 401 by trading the refresh cookie once and repeating the call", async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(401, { detail: "token expired" }))
      .mockResolvedValueOnce(jsonResponse(200, refreshed("tok-2")))
      .mockResolvedValueOnce(jsonResponse(200, []));
    const { client } = loggedInClient(userWith([]), fetchImpl);
    const ended = vi.fn();
    client.onSessionEnd(ended);
    await expect(client.GET("/api/v1/cameras")).resolves.toEqual([]);
    expect(bearerOf(fetchImpl.mock.calls[2] as unknown[])).toBe("Bearer tok-2");
    expect(ended).not.toHaveBeenCalled();
  });

  it("locks without ending the session: calls wait for the password, the login is revoked", async () => {
    const fetchImpl = vi.fn(async () => new Response(null, { status: 204 }));
    const { client } = loggedInClient(userWith([]), fetchImpl as never);
    const ended = vi.fn();
    client.onSessionEnd(ended);
    client.lock();
    expect(client.isLocked).toBe(true);
    expect(client.token).toBe("");
    await expect(client.GET("/api/v1/cameras")).rejects.toMatchObject({ status: 401 });
    expect(ended).not.toHaveBeenCalled();
    expect(fetchImpl.mock.calls.map((call) => String((call as unknown[])[0]))).toEqual(["/api/v1/auth/logout"]);
  });

  it("puts a media ticket in media URLs, never the access token, and reuses it while fresh", async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, { ticket: "tkt-9", expires_at: inAMinute() }));
    const { client } = loggedInClient(userWith([]), fetchImpl);
    const url = await client.mediaUrl("/api/v1/cameras/c1/mjpeg", { fps: 10 });
    expect(url).toBe("/api/v1/cameras/c1/mjpeg?fps=10&ticket=tkt-9");
    expect(url).not.toContain("tok-1");
    await client.mediaUrl("/api/v1/cameras/c2/mjpeg");
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it("refreshes a fifth of the token's life before it ends, 5 s to a minute ahead", () => {
    const now = Date.parse("2026-12-03T00:00:00Z");
    const at = (ms: number) => ({ expiresAt: new Date(now + ms).toISOString() });
    expect(refreshDelayMs(at(3_600_000), now)).toBe(3_540_000);
    expect(refreshDelayMs(at(20_000), now)).toBe(15_000);
    expect(refreshDelayMs(at(5_000), now)).toBe(2_500);
    expect(refreshDelayMs(at(-5_000), now)).toBe(1_000);
  });
});
