import { useMemo } from "react";
import { CityMap, type MapLayer } from "../../components/map/CityMap";
import { formatTime } from "./timeRange";
import type { Located, TrajectoryPoint } from "./trajectory";
import { t } from "../../i18n/catalogue";

/** The route as a line through the cameras in time order, one numbered marker per sighting. */
export function TrajectoryMap({
  points,
  cameraName,
}: {
  points: readonly TrajectoryPoint<Located>[];
  cameraName: (id: string) => string;
}) {
  const layers = useMemo(
    (): MapLayer[] => [
      {
        id: "trajectory",
        label: t("search.sightings"),
        path: true,
        toggle: false,
        markers: points.flatMap((point) =>
          point.position
            ? [
                {
                  id: String(point.number),
                  latitude: point.position[0],
                  longitude: point.position[1],
                  color: "#58a6ff",
                  text: String(point.number),
                  label: `${point.number}: ${cameraName(point.sighting.camera_id)}, ${formatTime(point.sighting.time)}`,
                },
              ]
            : [],
        ),
      },
    ],
    [points, cameraName],
  );
  return (
    <CityMap
      layers={layers}
      className="map trajectory-map"
      label={t("search.trajectoryMapTheNumbered")}
      testId="trajectory-map"
    />
  );
}
