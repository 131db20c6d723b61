import { describe, expect, it, vi } from "vitest";
import { jsonResponse, loggedInClient, sessionFor, userWith } from "../test/fakes";
import { ApiClient, ApiError, buildQuery } from "./client";

const LOGIN = {
  access_token: "abc",
  token_type: "bearer",
  expires_at: new Date(Date.now() + 3_600_000).toISOString(),
  user: userWith(["events.read"]),
};

describe("ApiClient", () => {
  it("stores the session after login and sends the bearer token", async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(200, LOGIN))
      .mockResolvedValueOnce(jsonResponse(200, { ok: true }));
    const client = new ApiClient({ fetch: fetchImpl, storage: sessionStorage });
    await client.login("alice", "secret-pass");

    expect(client.token).toBe("abc");
    expect(JSON.parse(sessionStorage.getItem("safecity.session") ?? "{}").token).toBe("abc");
    await client.get("/api/v1/auth/me");
    const [, init] = fetchImpl.mock.calls[1] as [string, RequestInit];
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer abc");
  });

  it("ends the session and notifies listeners on 401", async () => {
    const { client } = loggedInClient(
      userWith([]),
      vi.fn(async () => jsonResponse(401, { detail: "token expired" })),
    );
    const ended = vi.fn();
    client.onSessionEnd(ended);

    await expect(client.get("/api/v1/users")).rejects.toMatchObject({ status: 401, detail: "token expired" });
    expect(ended).toHaveBeenCalledOnce();
    expect(client.token).toBeNull();
    expect(sessionStorage.getItem("safecity.session")).toBeNull();
  });

  it("does not treat a wrong password at login as a session end", async () => {
    const client = new ApiClient({
      fetch: vi.fn(async () => jsonResponse(401, { detail: "wrong username or password" })),
      storage: sessionStorage,
    });
    const ended = vi.fn();
    client.onSessionEnd(ended);
    await expect(client.login("alice", "nope")).rejects.toBeInstanceOf(ApiError);
    expect(ended).not.toHaveBeenCalled();
  });

  it("marks 404 as not available and reads Retry-After on 429", async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(404, { detail: "Not Found" }))
      .mockResolvedValueOnce(jsonResponse(429, { detail: "too many" }, { "Retry-After": "42" }));
    const client = new ApiClient({ fetch: fetchImpl, storage: null });
    const notFound = await client.get("/api/v1/cameras").catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(ApiError);
    expect((notFound as ApiError).notAvailable).toBe(true);
    const limited = (await client.login("a", "b").catch((e: unknown) => e)) as ApiError;
    expect(limited.retryAfterSeconds).toBe(42);
  });

  it("accepts listed error statuses as answers (503 health)", async () => {
    const client = new ApiClient({
      fetch: vi.fn(async () => jsonResponse(503, { status: "degraded" })),
      storage: null,
    });
    await expect(client.get("/api/health", { auth: false, acceptStatus: [503] })).resolves.toEqual({
      status: "degraded",
    });
  });

  it("joins FastAPI validation errors into one message", async () => {
    const client = new ApiClient({
      fetch: vi.fn(async () => jsonResponse(422, { detail: [{ msg: "too short" }, { msg: "bad role" }] })),
      storage: null,
    });
    await expect(client.post("/api/v1/users", {})).rejects.toThrow("too short; bad role");
  });

  it("restores a stored session but drops an expired one", () => {
    sessionStorage.setItem("safecity.session", JSON.stringify(sessionFor(userWith([]))));
    expect(new ApiClient({ storage: sessionStorage }).token).toBe("tok-1");

    const expired = { ...sessionFor(userWith([])), expiresAt: new Date(Date.now() - 1000).toISOString() };
    sessionStorage.setItem("safecity.session", JSON.stringify(expired));
    expect(new ApiClient({ storage: sessionStorage }).token).toBeNull();
    expect(sessionStorage.getItem("safecity.session")).toBeNull();
  });

  it("builds query strings without empty values", () => {
    expect(buildQuery({ actor: "bob", action: "", limit: 50, before_seq: undefined })).toBe("?actor=bob&limit=50");
    expect(buildQuery({})).toBe("");
  });
});
