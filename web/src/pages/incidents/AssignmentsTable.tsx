import { UnitStatusBadge } from "./Badges";
import { formatClock, formatDuration } from "./time";
import type { Assignment, Unit } from "./types";
import { UnitStatusControls } from "./UnitStatusControls";
import { TableHead } from "../../components/TableHead";
import { t } from "../../i18n/catalogue";

function Stamp({ at }: { at: string | null }) {
  return at ? <time dateTime={at}>{formatClock(at)}</time> : <span className="muted">—</span>;
}

/** The moments of an assignment after its dispatch, each a column: its heading and the assignment's timestamp. */
const MILESTONES: readonly { at: "en_route_at" | "on_scene_at" | "transporting_at" | "cleared_at"; label: () => string }[] = [
  { at: "en_route_at", label: () => t("incidents.enRoute") },
  { at: "on_scene_at", label: () => t("incidents.status.on_scene") },
  { at: "transporting_at", label: () => t("incidents.transporting") },
  { at: "cleared_at", label: () => t("incidents.cleared") },
];

/** The units sent to this incident, with their timestamps; units still on it can be moved on from here. */
export function AssignmentsTable({
  assignments,
  units,
  canDispatch,
  onUnitChanged,
}: {
  assignments: Assignment[];
  units: Unit[];
  canDispatch: boolean;
  onUnitChanged: (unit: Unit) => void;
}) {
  if (assignments.length === 0) return <p className="state">{t("incidents.noUnitHasBeen")}</p>;
  const unitById = new Map(units.map((u) => [u.id, u]));
  return (
    <div className="table-scroll">
      <table className="table" data-testid="assignments-table">
        <TableHead columns={[t("incidents.unit2"), t("incidents.status.dispatched"), t("incidents.etaAtDispatch"), ...MILESTONES.map((milestone) => milestone.label()), t("incidents.unitStatus")]} />
        <tbody>
          {assignments.map((a) => {
            const unit = unitById.get(a.unit_id);
            const onThisIncident = unit?.current_assignment_id === a.id;
            return (
              <tr key={a.id}>
                <th scope="row">{unit?.callsign ?? a.unit_id}</th>
                <td>
                  <Stamp at={a.dispatched_at} /> <span className="muted">{t("incidents.by", { dispatched_by: a.dispatched_by })}</span>
                </td>
                <td>{a.estimated_travel_s === null ? "—" : formatDuration(a.estimated_travel_s)}</td>
                {MILESTONES.map((milestone) => (
                  <td key={milestone.at}>
                    <Stamp at={a[milestone.at]} />
                  </td>
                ))}
                <td>
                  {unit && onThisIncident ? (
                    <>
                      <UnitStatusBadge status={unit.status} />
                      {canDispatch ? <UnitStatusControls unit={unit} onChanged={onUnitChanged} /> : null}
                    </>
                  ) : (
                    <span className="muted">{t("incidents.released")}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
