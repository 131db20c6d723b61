import type { Mock } from "vitest";
import { renderPage } from "../../test/renderPage";
import ChallanPage from "./Page";

export const TRAFFIC_OFFICER = ["cameras.read", "events.read", "challan.read", "challan.validate", "plates.search"];

/** The area at `path`, logged in with `permissions`, talking to `fetchImpl`. */
export function renderChallan(path: string, fetchImpl: Mock, permissions: string[] = TRAFFIC_OFFICER) {
  return renderPage(<ChallanPage />, { permissions, user: { role: "traffic_officer" }, fetch: fetchImpl, path, route: "/challan/*" });
}
