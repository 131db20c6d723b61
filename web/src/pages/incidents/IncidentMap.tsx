import { useMemo } from "react";
import { useNavigate } from "react-router";
import { CityMap, type MapPoint } from "../../components/map/CityMap";
import { UNIT_STATUS_LOOK } from "./lifecycle";
import { draftLayer, incidentLayer, nearbyCameraLayer, unitLayer } from "./mapLayers";
import type { Incident, NearbyCamera, Unit } from "./types";
import { t } from "../../i18n/catalogue";

export type { MapPoint } from "../../components/map/CityMap";

interface Props {
  incidents: Incident[];
  units: Unit[];
  cameras?: NearbyCamera[];
  /** A location being chosen for a new incident, shown as a dashed ring. */
  draft?: MapPoint | null;
  onPick?: (point: MapPoint) => void;
  onOpenIncident?: (id: number) => void;
  /** A unit clicked; by default its incident opens (when it has one). */
  onOpenUnit?: (unit: Unit) => void;
  label: string;
  /** Zoom to the first incident instead of fitting everything (the detail view). */
  focusFirstIncident?: boolean;
}

/** Incidents (by priority), units (by status) and optionally cameras on the city map. A camera opens its live video. */
export function IncidentMap({
  incidents,
  units,
  cameras = [],
  draft,
  onPick,
  onOpenIncident,
  onOpenUnit,
  label,
  focusFirstIncident,
}: Props) {
  const navigate = useNavigate();
  const layers = useMemo(() => {
    const openUnit =
      onOpenUnit ?? ((unit: Unit) => (unit.incident_id != null ? navigate(`/incidents/${unit.incident_id}`) : undefined));
    return [
      nearbyCameraLayer(cameras, (id) => navigate(`/live?camera=${encodeURIComponent(id)}`)),
      unitLayer(units, openUnit),
      incidentLayer(incidents, onOpenIncident),
      draftLayer(draft),
    ];
  }, [incidents, units, cameras, draft, onOpenIncident, onOpenUnit, navigate]);
  const first = incidents[0];
  const [focusLatitude, focusLongitude] = focusFirstIncident && first ? [first.latitude, first.longitude] : [null, null];
  const focus = useMemo(
    () => (focusLatitude !== null && focusLongitude !== null ? { latitude: focusLatitude, longitude: focusLongitude } : null),
    [focusLatitude, focusLongitude],
  );
  return <CityMap layers={layers} label={label} testId="incident-map" focus={focus} onPick={onPick} />;
}

/** The map's key, in words. */
export function MapLegend() {
  return (
    <ul className="legend" aria-label={t("incidents.mapLegend")}>
      <li>{t("incidents.incidentsLabelledMarkersP1")}</li>
      {Object.values(UNIT_STATUS_LOOK).map((look) => (
        <li key={look.label}>
          <span className="dot" style={{ background: look.color }} aria-hidden="true" />
          {t("incidents.unit3", { label: look.label.toLowerCase() })}
        </li>
      ))}
    </ul>
  );
}
