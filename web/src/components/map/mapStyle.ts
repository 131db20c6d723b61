/**
 * What the map draws under the markers, from the server's map configuration (GET /api/v1/map): a background,
 * the base layer (XYZ raster tiles, a PMTiles archive, an MBTiles file's tiles served by safecity, or nothing)
 * and the deployment's GeoJSON outline.
 * Pure functions: no MapLibre instance, so they are tested as they are.
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";
import type { Schemas } from "../../api/schemas";

export type MapConfig = Schemas["MapConfigOut"];
export type Basemap = Schemas["BasemapOut"];

/** West, south, east, north in degrees. */
export type Bounds = [number, number, number, number];

/** What a PMTiles archive holds (read from its header by the `pmtiles` library). */
export type ArchiveContent = { kind: "raster" } | { kind: "vector"; layers: string[] };

export const BACKGROUND = "#0d1117";
export const OUTLINE_COLOR = "#8b949e";
const VECTOR_COLOR = "#30363d";
/** The whole world, when neither cameras nor an outline say where the city is. */
export const WORLD_VIEW = { center: [0, 20] as [number, number], zoom: 1 };

/** An absolute URL for what MapLibre fetches (it resolves nothing against the page itself). */
export function absolute(url: string, origin: string): string {
  return new URL(url, origin).href;
}

/** An absolute tile URL template: `{z}/{x}/{y}` kept as they are (the URL parser would percent-encode them). */
export function absoluteTemplate(template: string, origin: string): string {
  return template.startsWith("/") ? `${new URL(origin).origin}${template}` : template;
}

/** A vector base layer comes without a style: every layer drawn plainly, areas faint and lines thin. */
function plainVectorLayers(layerNames: readonly string[]): LayerSpecification[] {
  return layerNames.flatMap((layer): LayerSpecification[] => [
    {
      id: `basemap-${layer}-fill`,
      type: "fill",
      source: "basemap",
      "source-layer": layer,
      filter: ["==", ["geometry-type"], "Polygon"],
      paint: { "fill-color": VECTOR_COLOR, "fill-opacity": 0.5 },
    },
    {
      id: `basemap-${layer}-line`,
      type: "line",
      source: "basemap",
      "source-layer": layer,
      filter: ["!=", ["geometry-type"], "Point"],
      paint: { "line-color": "#484f58", "line-width": 1 },
    },
  ]);
}

function basemapSources(basemap: Basemap, origin: string, archive: ArchiveContent | null) {
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [];
  if (!basemap.url || basemap.kind === "none") return { sources, layers };
  const attribution = basemap.attribution || undefined;
  if (basemap.kind === "xyz") {
    sources.basemap = { type: "raster", tiles: [basemap.url], tileSize: 256, maxzoom: basemap.max_zoom, attribution };
    layers.push({ id: "basemap", type: "raster", source: "basemap" });
    return { sources, layers };
  }
  if (basemap.kind === "mbtiles") {
    // The file's tiles, served by safecity; beyond its deepest zoom MapLibre enlarges them (maxzoom).
    if (!basemap.format) return { sources, layers }; // unreadable on the server: no tiles to ask for
    const tiles = [absoluteTemplate(basemap.url, origin)];
    if (basemap.format === "pbf") {
      sources.basemap = { type: "vector", tiles, maxzoom: basemap.max_zoom, attribution };
      layers.push(...plainVectorLayers(basemap.vector_layers ?? []));
    } else {
      sources.basemap = { type: "raster", tiles, tileSize: 256, maxzoom: basemap.max_zoom, attribution };
      layers.push({ id: "basemap", type: "raster", source: "basemap" });
    }
    return { sources, layers };
  }
  const url = `pmtiles://${absolute(basemap.url, origin)}`;
  if (!archive || archive.kind === "raster") {
    sources.basemap = { type: "raster", url, tileSize: 256, attribution };
    layers.push({ id: "basemap", type: "raster", source: "basemap" });
    return { sources, layers };
  }
  sources.basemap = { type: "vector", url, attribution };
  layers.push(...plainVectorLayers(archive.layers));
  return { sources, layers };
}

/** The outline's layers: polygons faintly filled, every line and polygon edge drawn. */
function outlineLayers(): LayerSpecification[] {
  return [
    {
      id: "outline-fill",
      type: "fill",
      source: "outline",
      filter: ["==", ["geometry-type"], "Polygon"],
      paint: { "fill-color": OUTLINE_COLOR, "fill-opacity": 0.06 },
    },
    {
      id: "outline-line",
      type: "line",
      source: "outline",
      filter: ["!=", ["geometry-type"], "Point"],
      paint: { "line-color": OUTLINE_COLOR, "line-width": 1.2, "line-opacity": 0.8 },
    },
  ];
}

/** The style the map starts with; the overlays (paths, areas, markers) are added on top of it. */
export function baseStyle(config: MapConfig, origin: string, archive: ArchiveContent | null = null): StyleSpecification {
  const base = basemapSources(config.basemap, origin, archive);
  const sources: Record<string, SourceSpecification> = { ...base.sources };
  const layers: LayerSpecification[] = [
    { id: "background", type: "background", paint: { "background-color": BACKGROUND } },
    ...base.layers,
  ];
  if (config.outline_url) {
    sources.outline = { type: "geojson", data: absolute(config.outline_url, origin) };
    layers.push(...outlineLayers());
  }
  return { version: 8, sources, layers };
}

/** The smallest bounds holding every point, or null for none. */
export function boundsOf(points: readonly { latitude: number; longitude: number }[]): Bounds | null {
  if (points.length === 0) return null;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { latitude, longitude } of points) {
    west = Math.min(west, longitude);
    east = Math.max(east, longitude);
    south = Math.min(south, latitude);
    north = Math.max(north, latitude);
  }
  return [west, south, east, north];
}

/** Bounds of the coordinates of any GeoJSON object (for a city with an outline and no camera yet). */
export function geojsonBounds(geojson: unknown): Bounds | null {
  const points: { latitude: number; longitude: number }[] = [];
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (value.length >= 2 && typeof value[0] === "number" && typeof value[1] === "number") {
      points.push({ longitude: value[0], latitude: value[1] });
      return;
    }
    value.forEach(visit);
  };
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const object = node as Record<string, unknown>;
    if ("coordinates" in object) visit(object.coordinates);
    if (Array.isArray(object.features)) object.features.forEach(walk);
    if (Array.isArray(object.geometries)) object.geometries.forEach(walk);
    if (object.geometry) walk(object.geometry);
  };
  walk(geojson);
  return boundsOf(points);
}

/**
 * Where a map opens: the things it shows, else the cameras' bounds the server reports, else the outline's,
 * else the whole world (never a made-up city centre).
 */
export function initialView(
  shown: Bounds | null,
  config: MapConfig | null,
  outline: Bounds | null,
): { bounds: Bounds } | typeof WORLD_VIEW {
  const bounds = shown ?? config?.camera_bounds ?? outline;
  return bounds ? { bounds } : WORLD_VIEW;
}

/**
 * A camera's view as the CSS background of a round element centred on its marker: a wedge `fovDeg` wide
 * around `headingDeg` (clockwise from north, as CSS conic gradients turn). A fixed size on screen, so it
 * reads at city zoom as well as street zoom; the map stays north-up (rotation is off).
 */
export function coneGradient(headingDeg: number, fovDeg: number, color: string): string {
  const fov = Math.min(Math.max(fovDeg, 1), 360);
  const start = (((headingDeg - fov / 2) % 360) + 360) % 360;
  return `conic-gradient(from ${start}deg, ${color} 0deg ${fov}deg, transparent ${fov}deg)`;
}
