import { describe, expect, it, vi } from "vitest";
import { jsonResponse, loggedInClient, sessionFor, userWith } from "../test/fakes";
import { ApiClient, ApiError, buildQuery, fieldErrors, filenameOf, problemFor } from "./client";

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
    await client.GET("/api/v1/auth/me");
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

    await expect(client.GET("/api/v1/users")).rejects.toMatchObject({ status: 401, detail: "token expired" });
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
    const notFound = await client.GET("/api/v1/cameras").catch((e: unknown) => e);
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
    await expect(client.GET("/api/health", { auth: false, acceptStatus: [503] })).resolves.toEqual({
      status: "degraded",
    });
  });

  it("joins FastAPI validation errors into one message", async () => {
    const client = new ApiClient({
      fetch: vi.fn(async () => jsonResponse(422, { detail: [{ msg: "too short" }, { msg: "bad role" }] })),
      storage: null,
    });
    await expect(client.POST("/api/v1/users", { body: {} as never })).rejects.toThrow("too short; bad role");
  });

  it("keeps each 422 problem with the field it names", async () => {
    const body = {
      detail: [
        { loc: ["body", "name"], msg: "String should have at least 1 character", type: "string_too_short" },
        { loc: ["body", "scene", "zones", 0, "name"], msg: "Value error, duplicate zone", type: "value_error" },
        { loc: ["query", "plate"], msg: "hotlist plates cannot contain wildcards", type: "value_error" },
        { loc: ["body"], msg: "Field required", type: "missing" },
      ],
    };
    const client = new ApiClient({ fetch: vi.fn(async () => jsonResponse(422, body)), storage: null });
    const error = (await client.POST("/api/v1/cameras", { body: {} as never }).catch((e: unknown) => e)) as ApiError;

    expect(error.problems).toEqual([
      { field: "name", message: "String should have at least 1 character", path: ["name"] },
      { field: "name", message: "duplicate zone", path: ["scene", "zones", 0, "name"] },
      { field: "plate", message: "hotlist plates cannot contain wildcards", path: ["plate"] },
      { field: "", message: "Field required", path: [] },
    ]);
    expect(problemFor(error, "plate")).toBe("hotlist plates cannot contain wildcards");
    expect(problemFor(error, "name")).toBe("String should have at least 1 character; duplicate zone");
    expect(problemFor(error, "url")).toBeNull();
    expect(fieldErrors(error, ["plate"])).toEqual({
      plate: "hotlist plates cannot contain wildcards",
      form: "name: String should have at least 1 character; name: duplicate zone; Field required",
    });
    expect(fieldErrors(new Error("offline"))).toEqual({});
  });

  it("has no problems for other statuses", async () => {
    const client = new ApiClient({ fetch: vi.fn(async () => jsonResponse(409, { detail: "changed meanwhile" })), storage: null });
    const error = (await client
      .POST("/api/v1/units/{unit_id}/status", { params: { path: { unit_id: "A" } }, body: { status: "available" } })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.problems).toEqual([]);
    expect(fieldErrors(error)).toEqual({});
  });

  it("sends DELETE with the token and accepts 204", async () => {
    const fetchImpl = vi.fn(async () => new Response(null, { status: 204 }));
    const { client } = loggedInClient(userWith([]), fetchImpl);
    await expect(
      client.DELETE("/api/v1/hotlists/{hotlist_id}/entries/{entry_id}", { params: { path: { hotlist_id: 3, entry_id: 9 } } }),
    ).resolves.toBeUndefined();
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/hotlists/3/entries/9");
    expect(init.method).toBe("DELETE");
    expect((init.headers as Record<string, string>).Authorization).toMatch(/^Bearer /);
  });

  it("downloads a file with its headers and the server's file name, with the token and the usual errors", async () => {
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(
        new Response("PK zip bytes", {
          status: 200,
          headers: {
            "Content-Disposition": 'attachment; filename="evidence-20261122T063604Z-73047a62.zip"',
            "X-Safecity-Bundle-Id": "b-1",
          },
        }),
      )
      .mockResolvedValueOnce(jsonResponse(403, { detail: "role lacks evidence.export" }));
    const { client } = loggedInClient(userWith([]), fetchImpl);

    const file = await client.file("post", "/api/v1/evidence/exports", {
      body: { item_ids: [7] } as never,
      params: { query: { purpose: "FIR 7" } },
    });
    expect(file.filename).toBe("evidence-20261122T063604Z-73047a62.zip");
    expect(file.headers.get("X-Safecity-Bundle-Id")).toBe("b-1");
    expect(await file.blob.text()).toBe("PK zip bytes");
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/evidence/exports?purpose=FIR+7");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({ item_ids: [7] });
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer tok-1");

    await expect(client.file("post", "/api/v1/evidence/exports", { body: {} as never })).rejects.toMatchObject({ status: 403 });
    expect(filenameOf(null)).toBeNull();
    expect(filenameOf("attachment; filename*=UTF-8''caf%C3%A9.zip")).toBe("café.zip");
  });

  it("restores a stored session but drops an expired one", () => {
    sessionStorage.setItem("safecity.session", JSON.stringify(sessionFor(userWith([]))));
    expect(new ApiClient({ storage: sessionStorage }).token).toBe("tok-1");

    const expired = { ...sessionFor(userWith([])), expiresAt: new Date(Date.now() - 1000).toISOString() };
    sessionStorage.setItem("safecity.session", JSON.stringify(expired));
    expect(new ApiClient({ storage: sessionStorage }).token).toBeNull();
    expect(sessionStorage.getItem("safecity.session")).toBeNull();
  });

  it("checks paths, path parameters and bodies against the API's OpenAPI document", () => {
    const client = new ApiClient({ fetch: vi.fn(async () => jsonResponse(200, {})), storage: null });
    const typeChecksOnly = () => {
      // @ts-expect-error no such route
      void client.GET("/api/v1/no-such-route");
      // @ts-expect-error the camera id is missing
      void client.GET("/api/v1/cameras/{camera_id}");
      // @ts-expect-error a unit status the API does not know
      void client.POST("/api/v1/units/{unit_id}/status", { params: { path: { unit_id: "A" } }, body: { status: "asleep" } });
    };
    expect(typeChecksOnly).toBeTypeOf("function");
  });

  it("fills in path parameters and sends a typed body as JSON", async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, { id: "P-1" }));
    const { client } = loggedInClient(userWith([]), fetchImpl);
    await client.POST("/api/v1/units/{unit_id}/status", { params: { path: { unit_id: "P 1" } }, body: { status: "available" } });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/units/P%201/status");
    expect(JSON.parse(String(init.body))).toEqual({ status: "available" });
    expect((init.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
  });

  it("builds query strings without empty values", () => {
    expect(buildQuery({ actor: "bob", action: "", limit: 50, before_seq: undefined })).toBe("?actor=bob&limit=50");
    expect(buildQuery({})).toBe("");
  });

  it("sends an array as one parameter per item", () => {
    expect(buildQuery({ status: ["new", "dispatched"], type: "fire", area: [] })).toBe("?status=new&status=dispatched&type=fire");
    expect(buildQuery({ id: [1, "", null, 2] })).toBe("?id=1&id=2");
  });
});
