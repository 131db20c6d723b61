import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { Link } from "react-router";
import type { LiveEvent } from "../../api/types";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { ChoiceSelect } from "../../components/ChoiceSelect";
import { FormField } from "../../components/FormField";
import { StateMessage } from "../../components/StateMessage";
import type { LiveStatus } from "../../live/LiveSocket";
import { LivePageHead, PriorityBadge, UnitStatusBadge } from "./Badges";
import { BoardMap } from "./BoardMap";
import { loadBoard } from "./boardData";
import { CreateUnitForm } from "./CreateUnitForm";
import { useDispatchApi, useDispatchEvents } from "./hooks";
import { UNIT_STATUS_LOOK, UNIT_STATUSES, unitTypeLabel } from "./lifecycle";
import { boardReducer, EMPTY_BOARD, type BoardState } from "./liveState";
import { secondsBetween } from "./time";
import { TickingDuration } from "./TickingDuration";
import type { Unit, UnitStatus } from "./types";
import { UnitStatusControls } from "./UnitStatusControls";
import { PatrolPlanPanel } from "../analytics/PatrolPlanPanel";
import { t } from "../../i18n/catalogue";

/** Reload after the socket comes back from a drop: events sent while it was down are lost. */
function useReloadOnReconnect(status: LiveStatus, reload: () => void) {
  const dropped = useRef(false);
  useEffect(() => {
    if (status.state === "reconnecting") dropped.current = true;
    if (status.state === "connected" && dropped.current) {
      dropped.current = false;
      reload();
    }
  }, [status.state, reload]);
}

export function DispatchBoard() {
  const api = useDispatchApi();
  const { can } = useAuth();
  const canDispatch = can(Permission.DISPATCH_MANAGE);
  const [board, dispatch] = useReducer(boardReducer, EMPTY_BOARD);
  const [statusFilter, setStatusFilter] = useState<UnitStatus | "">("");
  const { resource, reload } = useResource(
    async (signal) => {
      const data = await loadBoard(api, signal);
      if (!signal.aborted) dispatch({ kind: "loaded", ...data });
      return data;
    },
    [api],
  );
  const onEvent = useCallback((event: LiveEvent) => dispatch({ kind: "event", event }), []);
  const live = useDispatchEvents(onEvent);
  useReloadOnReconnect(live, reload);
  const onUnitChanged = useCallback((unit: Unit) => dispatch({ kind: "unit", unit }), []);
  const shown = statusFilter ? board.units.filter((u) => u.status === statusFilter) : board.units;

  return (
    <section aria-labelledby="board-title">
      <LivePageHead title={t("incidents.board")} titleId="board-title" live={live} />
      <div className="toolbar">
        <StatusSummary units={board.units} />
        <FormField id="board-status" label={t("incidents.unitStatus")} className="field-inline">
          {(control) => (
            <ChoiceSelect<UnitStatus | "">
              {...control}
              none={t("incidents.all")}
              values={UNIT_STATUSES}
              label={(s) => (s ? UNIT_STATUS_LOOK[s].label : "")}
              value={statusFilter}
              onChange={setStatusFilter}
            />
          )}
        </FormField>
      </div>
      <StateMessage
        resource={resource}
        what={t("incidents.theDispatchBoard")}
        empty={board.units.length === 0 ? <p className="state">No units registered yet.</p> : null}
      />
      <BoardMap board={board} units={shown} />
      {shown.length > 0 ? (
        <BoardTable board={board} units={shown} canDispatch={canDispatch} onUnitChanged={onUnitChanged} />
      ) : board.units.length > 0 ? (
        <p className="state">{t("incidents.noUnitHasThis")}</p>
      ) : null}
      {canDispatch ? <CreateUnitForm onCreated={onUnitChanged} /> : null}
      {can(Permission.EVENTS_READ) ? <PatrolPlanPanel /> : null}
    </section>
  );
}

function StatusSummary({ units }: { units: Unit[] }) {
  const counts = new Map<UnitStatus, number>();
  for (const unit of units) counts.set(unit.status, (counts.get(unit.status) ?? 0) + 1);
  return (
    <ul className="legend" aria-label={t("incidents.unitsByStatus")} data-testid="board-summary">
      <li>
        <strong>{units.length}</strong>{" "}{t("incidents.units")}
      </li>
      {UNIT_STATUSES.filter((s) => counts.get(s)).map((s) => (
        <li key={s}>
          <span className="dot" style={{ background: UNIT_STATUS_LOOK[s].color }} aria-hidden="true" />
          {UNIT_STATUS_LOOK[s].label}: <strong>{counts.get(s)}</strong>
        </li>
      ))}
    </ul>
  );
}

function BoardTable({
  board,
  units,
  canDispatch,
  onUnitChanged,
}: {
  board: BoardState;
  units: Unit[];
  canDispatch: boolean;
  onUnitChanged: (unit: Unit) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="dispatch-board">
        <caption className="visually-hidden">{t("incidents.everyUnitWithIts")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("incidents.unit2")}</th>
            <th scope="col">{t("incidents.type")}</th>
            <th scope="col">{t("incidents.status")}</th>
            <th scope="col">{t("incidents.currentIncident")}</th>
            <th scope="col">{t("incidents.timeInStatus")}</th>
            {canDispatch ? <th scope="col">{t("incidents.changeStatus")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.id} data-unit-id={unit.id}>
              <th scope="row">
                {unit.callsign} <span className="muted">({unit.id})</span>
              </th>
              <td>{unitTypeLabel(unit.type)}</td>
              <td>
                <UnitStatusBadge status={unit.status} />
              </td>
              <td>
                <CurrentIncident board={board} unit={unit} />
              </td>
              <td data-testid="time-in-status">
                <TickingDuration secondsAt={(now) => secondsBetween(unit.updated_at, now)} />
              </td>
              {canDispatch ? (
                <td>
                  <UnitStatusControls unit={unit} onChanged={onUnitChanged} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CurrentIncident({ board, unit }: { board: BoardState; unit: Unit }) {
  const incidentId = unit.incident_id;
  if (incidentId === null || incidentId === undefined) return <span className="muted">{t("incidents.none")}</span>;
  const incident = board.incidents[incidentId];
  return (
    <span className="current-incident">
      <Link to={`/incidents/${incidentId}`}>
        #{incidentId} {incident?.title ?? ""}
      </Link>
      {incident ? <PriorityBadge priority={incident.priority} /> : null}
    </span>
  );
}
