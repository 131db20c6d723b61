import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef } from "react";
import { useConfig } from "../../config/ConfigContext";
import { createBaseMap } from "../live/baseMap";
import { INCIDENT_STATUS_LOOK, priorityLook, UNIT_STATUS_LOOK, unitTypeLabel } from "./lifecycle";
import type { Incident, NearbyCamera, Unit } from "./types";

export interface MapPoint {
  latitude: number;
  longitude: number;
}

interface Props {
  incidents: Incident[];
  units: Unit[];
  cameras?: NearbyCamera[];
  /** A location being chosen for a new incident, shown as a dashed ring. */
  draft?: MapPoint | null;
  onPick?: (point: MapPoint) => void;
  onOpenIncident?: (id: number) => void;
  label: string;
  /** Zoom to the first incident instead of fitting everything (the detail view). */
  focusFirstIncident?: boolean;
}

function placed<T extends { latitude: number | null; longitude: number | null }>(p: T): p is T & MapPoint {
  return p.latitude !== null && p.longitude !== null && Number.isFinite(p.latitude) && Number.isFinite(p.longitude);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The priority is written inside the marker ("P1"), so colour is not the only cue. */
function incidentIcon(incident: Incident): L.DivIcon {
  const look = priorityLook(incident.priority);
  return L.divIcon({
    className: "incident-marker",
    html: `<span style="background:${look.color}">P${incident.priority}</span>`,
    iconSize: [30, 22],
    iconAnchor: [15, 11],
  });
}

/** Incidents (by priority), units (by status) and optionally cameras on a Leaflet map; works without tiles. */
export function IncidentMap({ incidents, units, cameras = [], draft, onPick, onOpenIncident, label, focusFirstIncident }: Props) {
  const config = useConfig();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const fitted = useRef(false);
  const pick = useRef(onPick);
  pick.current = onPick;
  const open = useRef(onOpenIncident);
  open.current = onOpenIncident;

  useEffect(() => {
    if (!element.current) return;
    const created = createBaseMap(element.current, config);
    created.setView(config.mapCenter, config.mapZoom);
    created.on("click", (event: L.LeafletMouseEvent) =>
      pick.current?.({ latitude: round(event.latlng.lat), longitude: round(event.latlng.lng) }),
    );
    layer.current = L.layerGroup().addTo(created);
    map.current = created;
    fitted.current = false;
    return () => {
      created.remove();
      map.current = null;
    };
  }, [config]);

  useEffect(() => {
    const group = layer.current;
    if (!group || !map.current) return;
    group.clearLayers();
    const shownIncidents = incidents.filter(placed);
    const shownUnits = units.filter(placed);
    const shownCameras = cameras.filter(placed);
    for (const camera of shownCameras) {
      L.circleMarker([camera.latitude, camera.longitude], {
        radius: 5,
        color: "#e6edf3",
        weight: 1,
        fillColor: "#6e7681",
        fillOpacity: 0.9,
      })
        .bindTooltip(escapeHtml(`Camera ${camera.name} — ${camera.health}`))
        .addTo(group);
    }
    for (const unit of shownUnits) {
      const look = UNIT_STATUS_LOOK[unit.status] ?? { label: unit.status, color: "#8b949e" };
      L.circleMarker([unit.latitude, unit.longitude], {
        radius: 6,
        color: "#0d1117",
        weight: 2,
        fillColor: look.color,
        fillOpacity: 0.95,
      })
        .bindTooltip(escapeHtml(`Unit ${unit.callsign} (${unitTypeLabel(unit.type)}) — ${look.label}`))
        .addTo(group);
    }
    for (const incident of shownIncidents) {
      const status = INCIDENT_STATUS_LOOK[incident.status]?.label ?? incident.status;
      L.marker([incident.latitude, incident.longitude], { icon: incidentIcon(incident), keyboard: false })
        .bindTooltip(
          escapeHtml(`#${incident.id} ${incident.title} — ${priorityLook(incident.priority).label}, ${status}`),
        )
        .on("click", () => open.current?.(incident.id))
        .addTo(group);
    }
    if (draft) {
      L.circleMarker([draft.latitude, draft.longitude], { radius: 10, color: "#ffbf47", weight: 3, dashArray: "4 3", fill: false })
        .bindTooltip("New incident location")
        .addTo(group);
    }
    if (fitted.current) return;
    const first = shownIncidents[0];
    if (focusFirstIncident && first) {
      map.current.setView([first.latitude, first.longitude], 15);
      fitted.current = true;
      return;
    }
    const points = [...shownIncidents, ...shownUnits, ...shownCameras].map((p) => [p.latitude, p.longitude] as [number, number]);
    if (points.length > 0) {
      map.current.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
      fitted.current = true;
    }
  }, [incidents, units, cameras, draft, focusFirstIncident]);

  return <div ref={element} className="map" role="region" aria-label={label} data-testid="incident-map" />;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The map's key, in words. */
export function MapLegend() {
  return (
    <ul className="legend" aria-label="Map legend">
      <li>Incidents: labelled markers, P1 most urgent to P5</li>
      {Object.values(UNIT_STATUS_LOOK).map((look) => (
        <li key={look.label}>
          <span className="dot" style={{ background: look.color }} aria-hidden="true" />
          Unit {look.label.toLowerCase()}
        </li>
      ))}
    </ul>
  );
}
