import type { DispatchApi } from "./api";
import type { Incident, IncidentStatus, Unit } from "./types";

/** Incidents whose units may still be out: every assignment of these can be some unit's current one. */
const WITH_UNITS_OUT: readonly IncidentStatus[] = ["dispatched", "on_scene", "resolved"];

export interface BoardData {
  units: Unit[];
  assignmentIncident: Record<number, number>;
  incidents: Incident[];
}

/**
 * Units, plus which incident each busy unit is on. The unit record names only its assignment, so the
 * assignments of the incidents that can have units out are read to map assignment → incident.
 */
export async function loadBoard(api: DispatchApi, signal: AbortSignal): Promise<BoardData> {
  const [units, incidents] = await Promise.all([
    api.units(signal),
    api.incidents({ statuses: WITH_UNITS_OUT, type: "" }, signal),
  ]);
  const busy = new Set(units.map((u) => u.current_assignment_id).filter((id): id is number => id !== null));
  const assignmentIncident: Record<number, number> = {};
  if (busy.size > 0) {
    const details = await Promise.all(incidents.map((incident) => api.incident(incident.id, signal)));
    for (const detail of details)
      for (const assignment of detail.assignments)
        if (busy.has(assignment.id)) assignmentIncident[assignment.id] = assignment.incident_id;
  }
  return { units, assignmentIncident, incidents };
}
