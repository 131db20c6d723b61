import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef } from "react";
import { useConfig } from "../../config/ConfigContext";
import { createBaseMap } from "../live/baseMap";

export interface ForecastCell {
  lat: number;
  lon: number;
  score: number;
}

export interface RecentEvent {
  lat: number;
  lon: number;
  occurred_at: string;
  kind: string;
  source: string;
}

const METRES_PER_DEGREE = 111_195;

/** Forecast cells as squares shaded by their expected count, recent events as small points. */
export function HotspotMap({ cells, recent, cellM }: { cells: ForecastCell[]; recent: RecentEvent[]; cellM: number }) {
  const config = useConfig();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const created = createBaseMap(element.current, config);
    created.setView(config.mapCenter, config.mapZoom);
    layer.current = L.layerGroup().addTo(created);
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
    };
  }, [config]);

  useEffect(() => {
    const group = layer.current;
    if (!group || !map.current) return;
    group.clearLayers();
    const top = cells[0]?.score || 1;
    for (const cell of cells) {
      const halfLat = cellM / 2 / METRES_PER_DEGREE;
      const halfLon = halfLat / Math.cos((cell.lat * Math.PI) / 180);
      L.rectangle(
        [
          [cell.lat - halfLat, cell.lon - halfLon],
          [cell.lat + halfLat, cell.lon + halfLon],
        ],
        { stroke: false, fillColor: "#f85149", fillOpacity: Math.min(0.75, 0.08 + (0.67 * cell.score) / top) },
      )
        .bindTooltip(`${cell.score.toFixed(2)} expected`)
        .addTo(group);
    }
    for (const event of recent) {
      L.circleMarker([event.lat, event.lon], { radius: 3, color: "#58a6ff", weight: 1, fillOpacity: 0.9 })
        .bindTooltip(`${event.kind || "event"} (${event.source}) ${new Date(event.occurred_at).toLocaleString()}`)
        .addTo(group);
    }
    const points = [...cells.map((c) => L.latLng(c.lat, c.lon)), ...recent.map((e) => L.latLng(e.lat, e.lon))];
    if (points.length) map.current.fitBounds(L.latLngBounds(points), { maxZoom: 15 });
  }, [cells, recent, cellM]);

  return <div ref={element} className="analytics-map" role="region" aria-label="Hotspot forecast map" />;
}
