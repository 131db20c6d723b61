import type { MapLayer, MapMarker } from "../../components/map/CityMap";
import { INCIDENT_STATUS_LOOK, priorityLook, UNIT_STATUS_LOOK, unitTypeLabel } from "./lifecycle";
import type { Schemas } from "../../api/schemas";
import type { Incident, NearbyCamera, Unit } from "./types";
import { t } from "../../i18n/catalogue";

export type Alarm = Schemas["AlertView"];

const SEVERITY_COLOR: Record<string, string> = {
  critical: "#ff4d4f",
  high: "#f0883e",
  medium: "#d29922",
  low: "#8b949e",
  info: "#8b949e",
};

interface Placeable {
  latitude: number | null;
  longitude: number | null;
}

export function placed<T extends Placeable>(p: T): p is T & { latitude: number; longitude: number } {
  return p.latitude !== null && p.longitude !== null && Number.isFinite(p.latitude) && Number.isFinite(p.longitude);
}

/** Incidents by priority; the priority is written inside the marker ("P1"), so colour is not the only cue. */
export function incidentLayer(incidents: readonly Incident[], onOpen?: (id: number) => void): MapLayer {
  return {
    id: "incidents",
    label: t("incidents.title"),
    markers: incidents.filter(placed).map((incident) => {
      const status = INCIDENT_STATUS_LOOK[incident.status]?.label ?? incident.status;
      return {
        id: String(incident.id),
        latitude: incident.latitude,
        longitude: incident.longitude,
        color: priorityLook(incident.priority).color,
        text: `P${incident.priority}`,
        label: `#${incident.id} ${incident.title} — ${priorityLook(incident.priority).label}, ${status}`,
        onClick: onOpen ? () => onOpen(incident.id) : undefined,
      };
    }),
  };
}

/** Units at their last reported position, coloured by status (the status is in the label too). */
export function unitLayer(units: readonly Unit[], onOpen?: (unit: Unit) => void, selectedId?: string | null): MapLayer {
  return {
    id: "units",
    label: t("incidents.units2"),
    markers: units.filter(placed).map((unit) => {
      const look = UNIT_STATUS_LOOK[unit.status] ?? { label: unit.status, color: "#8b949e" };
      return {
        id: unit.id,
        latitude: unit.latitude,
        longitude: unit.longitude,
        color: look.color,
        text: unit.callsign.slice(0, 3),
        shape: "tag" as const,
        selected: unit.id === selectedId,
        label: `Unit ${unit.callsign} (${unitTypeLabel(unit.type)}) — ${look.label}`,
        onClick: onOpen ? () => onOpen(unit) : undefined,
      };
    }),
  };
}

/** The cameras near an incident, in grey (their health is in the label). */
export function nearbyCameraLayer(cameras: readonly NearbyCamera[], onOpen?: (id: string) => void): MapLayer {
  return {
    id: "cameras",
    label: t("incidents.cameras"),
    markers: cameras.filter(placed).map(
      (camera): MapMarker => ({
        id: camera.camera_id,
        latitude: camera.latitude,
        longitude: camera.longitude,
        color: "#6e7681",
        label: `Camera ${camera.name} — ${camera.health}`,
        onClick: onOpen ? () => onOpen(camera.camera_id) : undefined,
      }),
    ),
  };
}

/** A location being chosen, as a dashed ring. */
export function draftLayer(draft: { latitude: number; longitude: number } | null | undefined): MapLayer {
  return {
    id: "draft",
    label: t("incidents.newIncidentLocation"),
    toggle: false,
    markers: draft ? [{ id: "draft", ...draft, color: "#ffbf47", shape: "ring", label: t("incidents.newIncidentLocation") }] : [],
  };
}

/** Open alarms at their place (the camera's, or the phone's for a panic), tagged "!" and coloured by severity. */
export function alarmLayer(alarms: readonly Alarm[], onOpen?: (id: number) => void): MapLayer {
  return {
    id: "alarms",
    label: t("incidents.alarms"),
    markers: alarms.filter(placed).map((alarm) => ({
      id: String(alarm.id),
      latitude: alarm.latitude,
      longitude: alarm.longitude,
      color: SEVERITY_COLOR[alarm.severity] ?? "#ff4d4f",
      text: "!",
      label: `Alarm #${alarm.id} ${alarm.title} — ${alarm.severity}, ${alarm.status}`,
      onClick: onOpen ? () => onOpen(alarm.id) : undefined,
    })),
  };
}
