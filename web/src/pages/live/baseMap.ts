import L from "leaflet";
import type { ConsoleConfig } from "../../config/config";

/** A Leaflet map with the console's controls and, when configured, the tile layer (it works without tiles). */
export function createBaseMap(element: HTMLElement, config: ConsoleConfig, options: L.MapOptions = {}): L.Map {
  const map = L.map(element, { zoomControl: true, attributionControl: true, ...options });
  map.attributionControl.setPrefix(false);
  if (config.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(map);
  return map;
}
