/**
 * The MapLibre map behind `CityMap` (loaded lazily). Base layer and outline come from the style
 * (mapStyle.ts); paths and shaded areas are GeoJSON layers over it; markers are DOM elements (buttons when
 * clickable), so they are named for screen readers and clicked like any control, a camera's view cone drawn
 * behind its dot.
 */
import {
  addProtocol,
  type GeoJSONSource,
  LngLatBounds,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  setWorkerUrl,
} from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import type { FeatureCollection, Geometry } from "geojson";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { PMTiles, Protocol, TileType } from "pmtiles";
import { useEffect, useMemo, useRef, useState } from "react";
import type { CityMapProps } from "./CityMap";
import {
  absolute,
  type ArchiveContent,
  baseStyle,
  boundsOf,
  geojsonBounds,
  initialView,
  type MapConfig,
  coneGradient,
} from "./mapStyle";
import type { MapLayer, MapMarker } from "./types";
import "./map.css";
import { t } from "../../i18n/catalogue";

setWorkerUrl(workerUrl);
const pmtiles = new Protocol();
addProtocol("pmtiles", pmtiles.tile);

const FIT = { padding: 40, maxZoom: 16, duration: 0 };
const OUTLINE_TOGGLE = "outline";

/** Raster or vector, and a vector archive's layer names, from the archive's header and metadata. */
async function archiveContent(url: string): Promise<ArchiveContent> {
  const archive = new PMTiles(url);
  pmtiles.add(archive);
  const header = await archive.getHeader();
  if (header.tileType !== TileType.Mvt) return { kind: "raster" };
  const metadata = (await archive.getMetadata()) as { vector_layers?: { id: string }[] } | null;
  return { kind: "vector", layers: (metadata?.vector_layers ?? []).map((layer) => layer.id) };
}

type Collection = FeatureCollection<Geometry, { color: string; opacity?: number }>;

function collection(features: Collection["features"]): Collection {
  return { type: "FeatureCollection", features };
}

function pathFeatures(layers: readonly MapLayer[]): Collection {
  return collection(
    layers
      .filter((layer) => layer.path && layer.markers.length > 1)
      .map((layer) => ({
        type: "Feature" as const,
        properties: { color: "#58a6ff" },
        geometry: { type: "LineString" as const, coordinates: layer.markers.map((m) => [m.longitude, m.latitude]) },
      })),
  );
}

function addOverlayLayers(map: MapLibreMap): void {
  for (const id of ["areas", "paths"]) map.addSource(id, { type: "geojson", data: collection([]) });
  map.addLayer({
    id: "areas",
    type: "fill",
    source: "areas",
    paint: { "fill-color": ["get", "color"], "fill-opacity": ["get", "opacity"] },
  });
  map.addLayer({
    id: "paths",
    type: "line",
    source: "paths",
    paint: { "line-color": ["get", "color"], "line-width": 4, "line-opacity": 0.9 },
  });
}

function styleMarker(element: HTMLElement, marker: MapMarker, layer: MapLayer, order: number): void {
  const shape = marker.shape ?? (marker.text ? "tag" : "dot");
  // MapLibre's own classes (maplibregl-marker: its placement) stay; ours are replaced.
  const ours = (name: string) => name.startsWith("map-marker") || name.startsWith("is-");
  element.classList.remove(...Array.from(element.classList).filter(ours));
  element.classList.add("map-marker", `map-marker--${shape}`);
  element.classList.toggle("is-selected", Boolean(marker.selected));
  element.classList.toggle("is-faded", Boolean(marker.faded));
  element.style.setProperty("--marker-color", marker.color);
  element.style.zIndex = String(order + (marker.selected ? 50 : 0));
  const content: (string | HTMLElement)[] = marker.text ? [marker.text] : [];
  if (marker.headingDeg != null && marker.fovDeg != null) {
    const cone = document.createElement("span");
    cone.className = "map-cone";
    cone.setAttribute("aria-hidden", "true");
    cone.style.background = coneGradient(marker.headingDeg, marker.fovDeg, marker.color);
    content.push(cone);
  }
  element.replaceChildren(...content);
  element.title = marker.label;
  element.setAttribute("aria-label", marker.label);
  element.dataset.layer = layer.id;
  element.dataset.id = marker.id;
  element.dataset.latitude = String(marker.latitude);
  element.dataset.longitude = String(marker.longitude);
}

/** Records the view on the container (`data-center`, `data-zoom`): what tests and tools read. */
function recordView(map: MapLibreMap, element: HTMLElement): void {
  const center = map.getCenter();
  element.dataset.center = `${center.lng},${center.lat}`;
  element.dataset.zoom = String(map.getZoom());
}

/** Records the outline's features drawn on screen by name (`data-outline-features`, `|`-separated): what tests
 * and tools read to know the outline is drawn, not only configured. */
function recordOutline(map: MapLibreMap, element: HTMLElement): void {
  const layers = ["outline-fill", "outline-line"].filter((id) => map.getLayer(id));
  if (layers.length === 0) return;
  const names = new Set(map.queryRenderedFeatures({ layers }).map((feature) => String(feature.properties?.name ?? "")));
  element.dataset.outlineFeatures = [...names].filter(Boolean).sort().join("|");
}

export default function CityMapView({
  config,
  layers,
  areas = [],
  label,
  testId,
  className,
  focus,
  onPick,
}: CityMapProps & { config: MapConfig }) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markers = useRef(new Map<string, { marker: Marker; click: () => void }>());
  const fitted = useRef(false);
  const pick = useRef(onPick);
  pick.current = onPick;
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());

  const visible = useMemo(() => layers.filter((layer) => !hidden.has(layer.id)), [layers, hidden]);
  const shownBounds = useMemo(
    () =>
      boundsOf([
        ...layers.flatMap((layer) => layer.markers),
        ...areas.flatMap((area) => area.ring.map(([longitude, latitude]) => ({ latitude, longitude }))),
      ]),
    [layers, areas],
  );
  const initialBounds = useRef(shownBounds);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let map: MapLibreMap | null = null;
    let cancelled = false;
    const origin = window.location.origin;
    const create = async () => {
      const basemap = config.basemap;
      const archive =
        basemap.kind === "pmtiles" && basemap.url ? await archiveContent(absolute(basemap.url, origin)) : null;
      if (cancelled) return;
      const view = initialView(initialBounds.current, config, null);
      map = new MapLibreMap({
        container: element,
        style: baseStyle(config, origin, archive),
        attributionControl: { compact: true },
        dragRotate: false, // north stays up: camera cones are drawn on screen, clockwise from north
        pitchWithRotate: false,
        touchPitch: false,
        maxZoom: Math.max(config.basemap.max_zoom, 16),
        ...("bounds" in view ? { bounds: view.bounds, fitBoundsOptions: FIT } : view),
      });
      mapRef.current = map;
      map.addControl(new NavigationControl({ showCompass: false }), "top-right");
      map.on("moveend", () => map && recordView(map, element));
      map.on("idle", () => map && recordOutline(map, element));
      map.on("click", (event) => pick.current?.({ latitude: round(event.lngLat.lat), longitude: round(event.lngLat.lng) }));
      map.on("load", () => {
        if (!map) return;
        addOverlayLayers(map);
        recordView(map, element);
        setReady(true);
      });
      if (!("bounds" in view) && config.outline_url) {
        // No camera and nothing to show yet: open on the city's outline.
        const outline = await fetch(absolute(config.outline_url, origin)).then((r) => (r.ok ? r.json() : null));
        const bounds = geojsonBounds(outline);
        if (bounds && map && !fitted.current) map.fitBounds(bounds, FIT);
      }
    };
    create().catch((error: unknown) => {
      if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
    });
    const current = markers.current;
    return () => {
      cancelled = true;
      for (const { marker } of current.values()) marker.remove();
      current.clear();
      map?.remove();
      mapRef.current = null;
      fitted.current = false;
      setReady(false);
    };
  }, [config]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    (map.getSource("paths") as GeoJSONSource).setData(pathFeatures(visible));
    (map.getSource("areas") as GeoJSONSource).setData(
      collection(
        areas.map((area) => ({
          type: "Feature" as const,
          properties: { color: area.color, opacity: area.opacity },
          geometry: { type: "Polygon" as const, coordinates: [area.ring] },
        })),
      ),
    );
    if (map.getLayer("outline-line")) {
      const visibility = hidden.has(OUTLINE_TOGGLE) ? "none" : "visible";
      map.setLayoutProperty("outline-line", "visibility", visibility);
      map.setLayoutProperty("outline-fill", "visibility", visibility);
    }
    const wanted = new Set<string>();
    visible.forEach((layer, order) => {
      for (const marker of layer.markers) {
        const key = `${layer.id}\u0000${marker.id}`;
        wanted.add(key);
        let entry = markers.current.get(key);
        if (!entry) {
          const element = document.createElement(marker.onClick ? "button" : "span");
          if (element instanceof HTMLButtonElement) element.type = "button";
          else element.setAttribute("role", "img");
          const created = { marker: new Marker({ element }).setLngLat([marker.longitude, marker.latitude]), click: () => {} };
          element.addEventListener("click", (event) => {
            event.stopPropagation();
            created.click();
          });
          created.marker.addTo(map);
          entry = created;
          markers.current.set(key, entry);
        }
        entry.marker.setLngLat([marker.longitude, marker.latitude]);
        entry.click = marker.onClick ?? (() => {});
        styleMarker(entry.marker.getElement(), marker, layer, order + 1);
      }
    });
    for (const [key, entry] of markers.current) {
      if (wanted.has(key)) continue;
      entry.marker.remove();
      markers.current.delete(key);
    }
    if (fitted.current) return;
    if (focus) {
      map.jumpTo({ center: [focus.longitude, focus.latitude], zoom: 15 });
      fitted.current = true;
    } else if (shownBounds) {
      map.fitBounds(new LngLatBounds(shownBounds), FIT);
      fitted.current = true;
    }
  }, [ready, visible, areas, hidden, focus, shownBounds]);

  const toggles = [
    ...layers.filter((layer) => layer.toggle !== false).map((layer) => ({ id: layer.id, label: `${layer.label} (${layer.markers.length})` })),
    ...(config.outline_url ? [{ id: OUTLINE_TOGGLE, label: "City outline" }] : []),
  ];
  const toggle = (id: string) =>
    setHidden((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className="city-map">
      <div
        ref={container}
        className={`${className ?? "map"} city-map-canvas`}
        role="region"
        aria-label={label}
        // Named for tests once it can be used: drawn and taking clicks (or showing why it cannot be drawn).
        data-testid={ready || failure ? testId : undefined}
        data-ready={ready ? "true" : "false"}
        data-basemap={config.basemap.kind}
      >
        {failure ? (
          <p role="alert" className="map-status">
            {t("map.theMapCannotBe", { failure })}
          </p>
        ) : null}
      </div>
      {toggles.length > 0 ? (
        <fieldset className="map-layers">
          <legend>{t("map.mapLayers")}</legend>
          {toggles.map((item) => (
            <label key={item.id} className="checkbox">
              <input type="checkbox" checked={!hidden.has(item.id)} onChange={() => toggle(item.id)} />
              {item.label}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
