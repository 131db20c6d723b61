import { configure, render } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import type { Mock } from "vitest";
import { AuthProvider } from "../../auth/AuthContext";
import { loggedInClient, userWith } from "../../test/fakes";
import ChallanPage from "./Page";

// The machine is shared with other test runs: give async queries more than the default second.
configure({ asyncUtilTimeout: 5000 });

export const TRAFFIC_OFFICER = ["cameras.read", "events.read", "challan.read", "challan.validate", "plates.search"];

/** The area at `path`, logged in with `permissions`, talking to `fetchImpl`. */
export function renderChallan(path: string, fetchImpl: Mock, permissions: string[] = TRAFFIC_OFFICER) {
  const { client } = loggedInClient(userWith(permissions, { role: "traffic_officer" }), fetchImpl);
  return render(
    <AuthProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/challan/*" element={<ChallanPage />} />
        </Routes>
      </MemoryRouter>
    </AuthProvider>,
  );
}
