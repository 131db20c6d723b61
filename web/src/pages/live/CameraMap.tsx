import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef } from "react";
import type { Camera } from "../../api/types";
import { useConfig } from "../../config/ConfigContext";
import { createBaseMap } from "./baseMap";
import { STATE_STYLE, stateOf } from "./health";

type PlacedCamera = Camera & { latitude: number; longitude: number };

/** A camera registered with a position (the API allows cameras without one). */
function isPlaced(camera: Camera): camera is PlacedCamera {
  return Number.isFinite(camera.latitude) && Number.isFinite(camera.longitude);
}

/** Cameras on a Leaflet map, one circle per camera coloured by health. Works without tiles (offline). */
export function CameraMap({
  cameras,
  selectedId,
  onSelect,
}: {
  cameras: Camera[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const config = useConfig();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const fitted = useRef(false);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!element.current) return;
    const created = createBaseMap(element.current, config, { preferCanvas: true });
    created.setView(config.mapCenter, config.mapZoom);
    markers.current = L.layerGroup().addTo(created);
    map.current = created;
    fitted.current = false;
    return () => {
      created.remove();
      map.current = null;
    };
  }, [config]);

  useEffect(() => {
    const layer = markers.current;
    if (!layer || !map.current) return;
    layer.clearLayers();
    const placed = cameras.filter(isPlaced);
    for (const camera of placed) {
      const style = STATE_STYLE[stateOf(camera)];
      const selected = camera.id === selectedId;
      L.circleMarker([camera.latitude, camera.longitude], {
        radius: selected ? 10 : 7,
        color: selected ? "#ffffff" : "#0d1117",
        weight: selected ? 3 : 1.5,
        fillColor: style.color,
        fillOpacity: camera.enabled ? 0.95 : 0.35,
      })
        .bindTooltip(`${camera.name} — ${style.label}${camera.enabled ? "" : " (disabled)"}`)
        .on("click", () => select.current(camera.id))
        .addTo(layer);
    }
    if (!fitted.current && placed.length > 0) {
      map.current.fitBounds(L.latLngBounds(placed.map((c) => [c.latitude, c.longitude])), {
        padding: [24, 24],
        maxZoom: 16,
      });
      fitted.current = true;
    }
  }, [cameras, selectedId]);

  return (
    <div
      ref={element}
      className="map"
      role="region"
      aria-label="Camera map (the camera list below offers the same cameras for keyboard use)"
      data-testid="camera-map"
    />
  );
}
