import { useMemo } from "react";
import type { Camera } from "../../api/types";
import { CityMap, type MapLayer } from "../../components/map/CityMap";
import { STATE_STYLE, stateOf } from "./health";
import { t } from "../../i18n/catalogue";

type PlacedCamera = Camera & { latitude: number; longitude: number };

/** A camera registered with a position (the API allows cameras without one). */
export function isPlaced(camera: Camera): camera is PlacedCamera {
  return Number.isFinite(camera.latitude) && Number.isFinite(camera.longitude);
}

/** The cameras as a map layer: coloured by health, with their view cone when heading and field of view are known. */
export function cameraLayer(cameras: readonly Camera[], selectedId: string | null, onSelect: (id: string) => void): MapLayer {
  return {
    id: "cameras",
    label: t("live.cameras2"),
    markers: cameras.filter(isPlaced).map((camera) => {
      const style = STATE_STYLE[stateOf(camera)];
      return {
        id: camera.id,
        latitude: camera.latitude,
        longitude: camera.longitude,
        color: style.color,
        label: `Camera ${camera.name} — ${style.label}${camera.enabled ? "" : " (disabled)"}`,
        selected: camera.id === selectedId,
        faded: !camera.enabled,
        headingDeg: camera.heading_deg,
        fovDeg: camera.fov_deg,
        onClick: () => onSelect(camera.id),
      };
    }),
  };
}

/** Cameras on the city map, coloured by health; a click opens the camera's live video. */
export function CameraMap({
  cameras,
  selectedId,
  onSelect,
}: {
  cameras: Camera[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const layers = useMemo(() => [cameraLayer(cameras, selectedId, onSelect)], [cameras, selectedId, onSelect]);
  return (
    <CityMap
      layers={layers}
      label={t("live.cameraMapTheCamera")}
      testId="camera-map"
    />
  );
}
