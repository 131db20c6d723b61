import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { ApiClient, ApiError } from "../api/client";
import { AuthProvider } from "../auth/AuthContext";
import { jsonResponse, userWith } from "../test/fakes";
import { LoginPage, loginError } from "./LoginPage";

describe("LoginPage", () => {
  it("logs in and lands on the first page the role may open", async () => {
    const fetchImpl = vi.fn(async (url: RequestInfo | URL) =>
      String(url).endsWith("/auth/refresh")
        ? jsonResponse(401, { detail: "no refresh cookie: log in" }) // a first visit: no login to resume
        : jsonResponse(200, {
            access_token: "t",
            token_type: "bearer",
            expires_at: new Date(Date.now() + 60_000).toISOString(),
            user: userWith(["audit.read"], { role: "auditor" }),
          }),
    );
    const client = new ApiClient({ fetch: fetchImpl, storage: sessionStorage });
    render(
      <AuthProvider client={client}>
        <MemoryRouter initialEntries={["/login"]}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/audit" element={<p>audit page</p>} />
          </Routes>
        </MemoryRouter>
      </AuthProvider>,
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Username"), "auditor");
    await user.type(screen.getByLabelText("Password"), "secret-pass{Enter}");
    expect(await screen.findByText("audit page")).toBeInTheDocument();
  });

  it("explains failures in plain words", () => {
    expect(loginError(new ApiError(401, "wrong"))).toBe("Wrong username or password.");
    expect(loginError(new ApiError(429, "slow down", 30))).toBe("Too many attempts. Try again in 30 seconds.");
    expect(loginError(new TypeError("fetch failed"))).toMatch("Cannot reach the server");
  });
});
