import { useMemo } from "react";
import { CityMap, type MapArea, type MapLayer } from "../../components/map/CityMap";
import { t } from "../../i18n/catalogue";
import { type CityPlace, hourLabel, metricOf, type PlaceMetric } from "./types";

const METRES_PER_DEGREE = 111_195;
const LARGEST_RADIUS_M = 400;
const SMALLEST_RADIUS_M = 40;
const COLOUR: Record<PlaceMetric, string> = { people: "#d2a8ff", vehicles: "#58a6ff", density: "#f85149" };

/** A circle (as a 24-sided ring of [lon, lat]) whose area grows with the place's share of the largest value. */
export function placeCircle(place: CityPlace, value: number, top: number, metric: PlaceMetric): MapArea {
  const share = top > 0 ? value / top : 0;
  const radius = SMALLEST_RADIUS_M + (LARGEST_RADIUS_M - SMALLEST_RADIUS_M) * Math.sqrt(share);
  const latitude = place.latitude ?? 0;
  const longitude = place.longitude ?? 0;
  const ring: [number, number][] = Array.from({ length: 25 }, (_, index) => {
    const angle = (2 * Math.PI * index) / 24;
    const north = (radius * Math.sin(angle)) / METRES_PER_DEGREE;
    const east = (radius * Math.cos(angle)) / (METRES_PER_DEGREE * Math.cos((latitude * Math.PI) / 180));
    return [longitude + east, latitude + north];
  });
  return { ring, color: COLOUR[metric], opacity: 0.15 + 0.55 * share };
}

/** Places as circles sized and shaded by the chosen measure, each with a labelled marker. */
export function PlacesMap({ places, metric }: { places: CityPlace[]; metric: PlaceMetric }) {
  const located = useMemo(() => places.filter((place) => place.located), [places]);
  const areas = useMemo(() => {
    const top = Math.max(0, ...located.map((place) => metricOf(place, metric)));
    return located.map((place) => placeCircle(place, metricOf(place, metric), top, metric));
  }, [located, metric]);
  const layers = useMemo(
    (): MapLayer[] => [
      {
        id: "places",
        label: t("cityData.places"),
        toggle: false,
        markers: located.map((place) => ({
          id: place.camera_id,
          latitude: place.latitude ?? 0,
          longitude: place.longitude ?? 0,
          color: COLOUR[metric],
          label: t("cityData.placeMarker", {
            name: place.name ?? place.camera_id,
            people: place.people,
            vehicles: place.vehicles,
            peak: hourLabel(place.peak_hour),
          }),
        })),
      },
    ],
    [located, metric],
  );
  return <CityMap layers={layers} areas={areas} className="city-data-map" label={t("cityData.mapLabel")} />;
}
