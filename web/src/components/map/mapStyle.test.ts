import { describe, expect, it } from "vitest";
import { baseStyle, boundsOf, coneGradient, geojsonBounds, initialView, type MapConfig, WORLD_VIEW } from "./mapStyle";

const ORIGIN = "https://safecity.example.pk";

function config(overrides: Partial<MapConfig> = {}): MapConfig {
  return {
    basemap: { kind: "none", url: null, attribution: "", max_zoom: 19 },
    outline_url: null,
    camera_bounds: null,
    ...overrides,
  };
}

describe("baseStyle", () => {
  it("draws only a background without base layer or outline", () => {
    const style = baseStyle(config(), ORIGIN);
    expect(style.sources).toEqual({});
    expect(style.layers.map((layer) => layer.id)).toEqual(["background"]);
  });

  it("draws the deployment's outline, from an absolute URL, when there are no tiles", () => {
    const style = baseStyle(config({ outline_url: "/api/v1/map/outline.geojson" }), ORIGIN);
    expect(style.sources.outline).toEqual({ type: "geojson", data: `${ORIGIN}/api/v1/map/outline.geojson` });
    expect(style.layers.map((layer) => layer.id)).toEqual(["background", "outline-fill", "outline-line"]);
  });

  it("puts XYZ raster tiles under the outline with their attribution and zoom limit", () => {
    const basemap = { kind: "xyz" as const, url: "https://tiles.example.pk/{z}/{x}/{y}.png", attribution: "© OSM", max_zoom: 18 };
    const style = baseStyle(config({ basemap, outline_url: "/o.geojson" }), ORIGIN);
    expect(style.sources.basemap).toEqual({
      type: "raster",
      tiles: ["https://tiles.example.pk/{z}/{x}/{y}.png"],
      tileSize: 256,
      maxzoom: 18,
      attribution: "© OSM",
    });
    expect(style.layers.map((layer) => layer.id)).toEqual(["background", "basemap", "outline-fill", "outline-line"]);
  });

  it("reads a local PMTiles archive through the pmtiles protocol, raster or vector", () => {
    const basemap = { kind: "pmtiles" as const, url: "/api/v1/map/basemap.pmtiles", attribution: "", max_zoom: 19 };
    const raster = baseStyle(config({ basemap }), ORIGIN, { kind: "raster" });
    expect(raster.sources.basemap).toMatchObject({ type: "raster", url: `pmtiles://${ORIGIN}/api/v1/map/basemap.pmtiles` });

    const vector = baseStyle(config({ basemap }), ORIGIN, { kind: "vector", layers: ["roads", "water"] });
    expect(vector.sources.basemap).toMatchObject({ type: "vector", url: `pmtiles://${ORIGIN}/api/v1/map/basemap.pmtiles` });
    expect(vector.layers.map((layer) => layer.id)).toEqual([
      "background",
      "basemap-roads-fill",
      "basemap-roads-line",
      "basemap-water-fill",
      "basemap-water-line",
    ]);
  });
});

describe("an MBTiles base map served by safecity", () => {
  const mbtiles = (format: "png" | "pbf" | null, vector_layers: string[] = []) => ({
    kind: "mbtiles" as const,
    url: "/api/v1/map/tiles/{z}/{x}/{y}",
    attribution: "© Lahore GIS",
    max_zoom: 14,
    format,
    vector_layers,
  });

  it("draws raster tiles from the absolute template, enlarged beyond the file's deepest zoom", () => {
    const style = baseStyle(config({ basemap: mbtiles("png") }), `${ORIGIN}/live`);
    expect(style.sources.basemap).toEqual({
      type: "raster",
      tiles: [`${ORIGIN}/api/v1/map/tiles/{z}/{x}/{y}`],
      tileSize: 256,
      maxzoom: 14,
      attribution: "© Lahore GIS",
    });
    expect(style.layers.map((layer) => layer.id)).toEqual(["background", "basemap"]);
  });

  it("draws vector tiles' layers plainly", () => {
    const style = baseStyle(config({ basemap: mbtiles("pbf", ["roads"]) }), ORIGIN);
    expect(style.sources.basemap).toMatchObject({ type: "vector", tiles: [`${ORIGIN}/api/v1/map/tiles/{z}/{x}/{y}`], maxzoom: 14 });
    expect(style.layers.map((layer) => layer.id)).toEqual(["background", "basemap-roads-fill", "basemap-roads-line"]);
  });

  it("asks for no tiles when the server could not read the file", () => {
    const style = baseStyle(config({ basemap: mbtiles(null) }), ORIGIN);
    expect(style.sources).toEqual({});
  });
});

describe("where a map opens", () => {
  const lahore = [
    { latitude: 31.5045, longitude: 74.332 },
    { latitude: 31.5106, longitude: 74.3442 },
    { latitude: 31.4697, longitude: 74.2728 },
  ];

  it("fits what the page shows first", () => {
    expect(initialView(boundsOf(lahore), config({ camera_bounds: [0, 0, 1, 1] }), null)).toEqual({
      bounds: [74.2728, 31.4697, 74.3442, 31.5106],
    });
  });

  it("falls back to the cameras' bounds, then the outline's, and never to a made-up centre", () => {
    expect(initialView(null, config({ camera_bounds: [74.27, 31.46, 74.35, 31.52] }), [1, 2, 3, 4])).toEqual({
      bounds: [74.27, 31.46, 74.35, 31.52],
    });
    expect(initialView(null, config(), [1, 2, 3, 4])).toEqual({ bounds: [1, 2, 3, 4] });
    expect(initialView(null, config(), null)).toEqual(WORLD_VIEW);
    expect(boundsOf([])).toBeNull();
  });

  it("takes an outline's bounds from every coordinate of its features", () => {
    const outline = {
      type: "FeatureCollection",
      features: [
        { type: "Feature", geometry: { type: "Polygon", coordinates: [[[74.2, 31.4], [74.4, 31.4], [74.4, 31.6], [74.2, 31.4]]] } },
        { type: "Feature", geometry: { type: "LineString", coordinates: [[74.1, 31.5], [74.5, 31.7]] } },
      ],
    };
    expect(geojsonBounds(outline)).toEqual([74.1, 31.4, 74.5, 31.7]);
    expect(geojsonBounds({ type: "FeatureCollection", features: [] })).toBeNull();
  });
});

describe("coneGradient", () => {
  it("centres a wedge as wide as the field of view on the heading, clockwise from north", () => {
    expect(coneGradient(90, 60, "#3fb950")).toBe("conic-gradient(from 60deg, #3fb950 0deg 60deg, transparent 60deg)");
    expect(coneGradient(10, 40, "red")).toBe("conic-gradient(from 350deg, red 0deg 40deg, transparent 40deg)");
  });

  it("is a full disc for a 360° camera and never wider", () => {
    expect(coneGradient(0, 400, "red")).toBe("conic-gradient(from 180deg, red 0deg 360deg, transparent 360deg)");
  });
});
