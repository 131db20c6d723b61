/** A vehicle's sightings as numbered points in time order, for the map and the list beside it. */
import type { PlateSighting } from "./types";

export interface TrajectoryPoint {
  /** 1 for the earliest sighting. */
  number: number;
  sighting: PlateSighting;
  /** [latitude, longitude], or null when the camera had no position when the read was stored. */
  position: [number, number] | null;
}

function timeValue(sighting: PlateSighting): number {
  const value = Date.parse(sighting.time);
  return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
}

/** Oldest first. The server already sends them so; sorting again keeps the numbering right regardless. */
export function trajectoryPoints(sightings: readonly PlateSighting[]): TrajectoryPoint[] {
  return [...sightings]
    .sort((a, b) => timeValue(a) - timeValue(b)) // stable: equal times keep the server's order
    .map((sighting, index) => ({
      number: index + 1,
      sighting,
      position:
        sighting.latitude !== null &&
        sighting.longitude !== null &&
        Number.isFinite(sighting.latitude) &&
        Number.isFinite(sighting.longitude)
          ? [sighting.latitude, sighting.longitude]
          : null,
    }));
}

/** The polyline: positions of the points that have one, in time order. */
export function pathOf(points: readonly TrajectoryPoint[]): [number, number][] {
  return points.flatMap((point) => (point.position ? [point.position] : []));
}
