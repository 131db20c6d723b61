import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useCameraRegistry } from "../../api/useCameraRegistry";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { CityMap } from "../../components/map/CityMap";
import { cameraLayer } from "../live/CameraMap";
import { PriorityBadge, UnitStatusBadge } from "./Badges";
import { unitTypeLabel } from "./lifecycle";
import type { BoardState } from "./liveState";
import { type Alarm, alarmLayer, incidentLayer, unitLayer } from "./mapLayers";
import type { Unit } from "./types";
import { t } from "../../i18n/catalogue";

/**
 * The dispatch board's map: every unit at its live position (status colour), the incidents they serve and
 * the cameras and the open alarms (read again every 30 s). A unit opens its assignment beside the map; a camera
 * its live video; an incident or an alarm its page.
 */
export function BoardMap({ board, units }: { board: BoardState; units: Unit[] }) {
  const navigate = useNavigate();
  const { cameras } = useCameraRegistry();
  const [selectedUnitId, setSelectedUnitId] = useState<string | null>(null);
  const alarms = useOpenAlarms();
  const layers = useMemo(
    () => [
      cameraLayer(cameras ?? [], null, (id) => navigate(`/live?camera=${encodeURIComponent(id)}`)),
      unitLayer(units, (unit) => setSelectedUnitId(unit.id), selectedUnitId),
      incidentLayer(Object.values(board.incidents), (id) => navigate(`/incidents/${id}`)),
      alarmLayer(alarms, (id) => navigate(`/alerts/${id}`)),
    ],
    [cameras, units, board.incidents, alarms, selectedUnitId, navigate],
  );
  const selected = units.find((unit) => unit.id === selectedUnitId) ?? null;
  return (
    <div className="board-map">
      <CityMap
        layers={layers}
        label={t("incidents.unitsIncidentsAndCameras")}
        testId="board-map"
      />
      {selected ? <UnitAssignment board={board} unit={selected} onClose={() => setSelectedUnitId(null)} /> : null}
    </div>
  );
}

function UnitAssignment({ board, unit, onClose }: { board: BoardState; unit: Unit; onClose: () => void }) {
  const incident = unit.incident_id != null ? board.incidents[unit.incident_id] : undefined;
  return (
    <aside className="card unit-assignment" aria-label={t("incidents.unit", { callsign: unit.callsign })} data-testid="unit-assignment">
      <h2>
        {unit.callsign} <span className="muted">({unitTypeLabel(unit.type)})</span>
      </h2>
      <p>
        <UnitStatusBadge status={unit.status} />
      </p>
      {unit.incident_id != null ? (
        <p>
          {t("incidents.assignedTo")}{" "}
          <Link to={`/incidents/${unit.incident_id}`}>
            #{unit.incident_id} {incident?.title ?? ""}
          </Link>{" "}
          {incident ? <PriorityBadge priority={incident.priority} /> : null}
        </p>
      ) : (
        <p className="muted">{t("incidents.noAssignment")}</p>
      )}
      <button type="button" className="btn" onClick={onClose}>
        {t("incidents.action.closed")}
      </button>
    </aside>
  );
}

const OPEN_ALARMS = ["new", "acknowledged", "assigned", "confirmed", "escalated"] as const;
const ALARMS_EVERY_MS = 30_000;
const NO_ALARMS: Alarm[] = [];

/** The open alarms, for roles that may read them (empty otherwise), read again every 30 s. */
function useOpenAlarms(): Alarm[] {
  const { client, can } = useAuth();
  const mayRead = can(Permission.EVENTS_READ);
  const { resource, reload } = useResource(
    (signal) =>
      mayRead
        ? client.GET("/api/v1/alerts", { params: { query: { status: [...OPEN_ALARMS], limit: 500 } }, signal })
        : Promise.resolve([]),
    [client, mayRead],
  );
  useEffect(() => {
    const timer = window.setInterval(reload, ALARMS_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  return resource.data ?? NO_ALARMS;
}
