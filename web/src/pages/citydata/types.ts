import type { components } from "../../api/schema";

export type CityPlaces = components["schemas"]["CityPlacesOut"];
export type CityPlace = components["schemas"]["CityPlaceOut"];
export type CityJunctions = components["schemas"]["CityJunctionsOut"];
export type Junction = components["schemas"]["JunctionOut"];

/** What the map sizes and colours the places by. */
export type PlaceMetric = "people" | "vehicles" | "density";

export function metricOf(place: CityPlace, metric: PlaceMetric): number {
  if (metric === "density") return place.mean_occupancy;
  return metric === "people" ? place.people : place.vehicles;
}

/** "08:00" for hour 8. */
export function hourLabel(hour: number | null | undefined): string {
  return hour === null || hour === undefined ? "—" : `${String(hour).padStart(2, "0")}:00`;
}
