import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef } from "react";
import { useConfig } from "../../config/ConfigContext";
import { createBaseMap } from "../live/baseMap";
import { formatTime } from "./timeRange";
import { pathOf, type Located, type TrajectoryPoint } from "./trajectory";

/** The route as a line through the cameras in time order, one numbered marker per sighting. Works without tiles. */
export function TrajectoryMap({
  points,
  cameraName,
}: {
  points: readonly TrajectoryPoint<Located>[];
  cameraName: (id: string) => string;
}) {
  const config = useConfig();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return;
    const map = createBaseMap(element.current, config);
    const path = pathOf(points);
    if (path.length > 1) L.polyline(path, { color: "#58a6ff", weight: 4, opacity: 0.9 }).addTo(map);
    for (const point of points) {
      if (!point.position) continue;
      L.marker(point.position, {
        icon: L.divIcon({
          className: "trajectory-marker",
          html: String(point.number),
          iconSize: [28, 28],
          iconAnchor: [14, 14],
        }),
        title: `${point.number}: ${cameraName(point.sighting.camera_id)}, ${formatTime(point.sighting.time)}`,
        keyboard: false, // the list beside the map offers the same points to keyboard users
      }).addTo(map);
    }
    if (path.length > 0) map.fitBounds(L.latLngBounds(path), { padding: [32, 32], maxZoom: 16 });
    else map.setView(config.mapCenter, config.mapZoom);
    return () => {
      map.remove();
    };
  }, [config, points, cameraName]);

  return (
    <div
      ref={element}
      className="map trajectory-map"
      role="region"
      aria-label="Trajectory map (the numbered list beside it gives the same sightings in words)"
      data-testid="trajectory-map"
    />
  );
}
