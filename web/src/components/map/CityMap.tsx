import { lazy, Suspense } from "react";
import { useAuth } from "../../auth/AuthContext";
import { useResource } from "../../api/useResource";
import type { MapConfig } from "./mapStyle";
import type { MapArea, MapLayer, MapPoint } from "./types";
import { t } from "../../i18n/catalogue";

export type { MapArea, MapLayer, MapMarker, MapPoint } from "./types";

/** MapLibre and its worker are large: they load with the first map shown, never with the console's entry. */
const CityMapView = lazy(() => import("./CityMapView"));

export interface CityMapProps {
  layers: readonly MapLayer[];
  /** The map region's accessible name (say where the same content is offered as a list). */
  label: string;
  testId?: string;
  className?: string;
  areas?: readonly MapArea[];
  /** Open on this place (zoom 15) instead of fitting every marker. */
  focus?: MapPoint | null;
  /** A click on the map itself (not on a marker): choosing a location. */
  onPick?: (point: MapPoint) => void;
}

const NO_CONFIG: MapConfig = {
  basemap: { kind: "none", url: null, attribution: "", max_zoom: 19 },
  outline_url: null,
  camera_bounds: null,
};

/** The one map of the console: the configured base layer and outline (GET /api/v1/map) under the page's layers. */
export function CityMap(props: CityMapProps) {
  const { client } = useAuth();
  const { resource } = useResource((signal) => client.GET("/api/v1/map", { signal }), [client]);
  const fallback = (
    <div className={props.className ?? "map"}>
      <p role="status" className="map-status">
        {t("map.loadingMap")}
      </p>
    </div>
  );
  if (resource.status === "loading") return fallback;
  // Without the server's settings (an older server, an error) the map still shows the page's layers.
  const config = resource.status === "ready" ? (resource.data as MapConfig) : NO_CONFIG; // bounds: 4 numbers
  return (
    <Suspense fallback={fallback}>
      <CityMapView {...props} config={config} />
    </Suspense>
  );
}
