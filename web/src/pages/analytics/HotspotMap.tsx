import { useMemo } from "react";
import { CityMap, type MapArea, type MapLayer } from "../../components/map/CityMap";
import { formatDateTime } from "../../format/dateTime";
import { t } from "../../i18n/catalogue";

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

/** A forecast cell as a square ring ([lon, lat]) `cellM` metres wide, shaded by its share of the top score. */
export function cellArea(cell: ForecastCell, cellM: number, top: number): MapArea {
  const halfLat = cellM / 2 / METRES_PER_DEGREE;
  const halfLon = halfLat / Math.cos((cell.lat * Math.PI) / 180);
  const [west, east, south, north] = [cell.lon - halfLon, cell.lon + halfLon, cell.lat - halfLat, cell.lat + halfLat];
  return {
    ring: [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
    color: "#f85149",
    opacity: Math.min(0.75, 0.08 + (0.67 * cell.score) / (top || 1)),
  };
}

/** Forecast cells as squares shaded by their expected count, recent events as small points. */
export function HotspotMap({ cells, recent, cellM }: { cells: ForecastCell[]; recent: RecentEvent[]; cellM: number }) {
  const areas = useMemo(() => cells.map((cell) => cellArea(cell, cellM, cells[0]?.score ?? 1)), [cells, cellM]);
  const layers = useMemo(
    (): MapLayer[] => [
      {
        id: "recent",
        label: t("analytics.recentEvents"),
        markers: recent.map((event, index) => ({
          id: String(index),
          latitude: event.lat,
          longitude: event.lon,
          color: "#58a6ff",
          label: `${event.kind || "event"} (${event.source}) ${formatDateTime(event.occurred_at)}`,
        })),
      },
    ],
    [recent],
  );
  return <CityMap layers={layers} areas={areas} className="analytics-map" label={t("analytics.hotspotForecastMap")} />;
}
