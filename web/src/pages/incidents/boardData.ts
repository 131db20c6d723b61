import type { DispatchApi } from "./api";
import type { Incident, IncidentStatus, Unit } from "./types";

/** Incidents whose units may still be out, read so that the board can name them (title, priority). */
const WITH_UNITS_OUT: readonly IncidentStatus[] = ["dispatched", "on_scene", "resolved"];

export interface BoardData {
  units: Unit[];
  incidents: Incident[];
}

/** Units (each names the incident it serves, `incident_id`) and the incidents they can be on. */
export async function loadBoard(api: DispatchApi, signal: AbortSignal): Promise<BoardData> {
  const [units, incidents] = await Promise.all([
    api.units(signal),
    api.incidents({ statuses: WITH_UNITS_OUT, type: "" }, signal),
  ]);
  return { units, incidents };
}
