import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiClient } from "../api/client";
import { jsonResponse, sessionFor, userWith } from "../test/fakes";
import { AuthProvider, useAuth } from "./AuthContext";
import { LockScreen } from "./LockScreen";

function Page() {
  const { locked, session } = useAuth();
  return (
    <>
      <label>
        Notes <input defaultValue="" />
      </label>
      <p>{session ? `signed in as ${session.user.username}` : "signed out"}</p>
      {locked ? <LockScreen /> : null}
    </>
  );
}

describe("idle lock", () => {
  it("locks after the idle time, keeps the page, and unlocks with the same user's password", async () => {
    const user = userWith(["cameras.read"]);
    sessionStorage.setItem("safecity.session", JSON.stringify({ ...sessionFor(user), idleLockSeconds: 1 }));
    const fetchImpl = vi.fn(async (url: RequestInfo | URL, _init?: RequestInit) =>
      String(url).endsWith("/auth/login")
        ? jsonResponse(200, {
            access_token: "tok-2",
            token_type: "bearer",
            expires_at: new Date(Date.now() + 3_600_000).toISOString(),
            session_expires_at: new Date(Date.now() + 12 * 3_600_000).toISOString(),
            idle_lock_seconds: 900,
            user,
          })
        : new Response(null, { status: 204 }),
    );
    const client = new ApiClient({ fetch: fetchImpl as unknown as typeof fetch, storage: sessionStorage });
    render(
      <AuthProvider client={client}>
        <Page />
      </AuthProvider>,
    );
    const typing = userEvent.setup();
    await typing.type(screen.getByLabelText("Notes"), "half-written report");

    const dialog = await screen.findByRole("dialog", { name: "Console locked" }, { timeout: 5000 });
    expect(dialog).toHaveTextContent("alice");
    expect(client.token).toBe("");
    expect(fetchImpl).toHaveBeenCalledWith("/api/v1/auth/logout", expect.objectContaining({ method: "POST" }));
    expect(screen.getByLabelText("Notes")).toHaveValue("half-written report"); // the page is still there

    await typing.type(screen.getByLabelText("Password"), "secret-pass{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const login = fetchImpl.mock.calls.find(([url]) => String(url).endsWith("/auth/login"));
    expect(JSON.parse(String(login?.[1]?.body))).toEqual({ username: "alice", password: "secret-pass" });
    expect(client.token).toBe("tok-2");
    expect(screen.getByLabelText("Notes")).toHaveValue("half-written report");
    expect(screen.getByText("signed in as alice")).toBeInTheDocument();
  });
});
