/** Sightings (of a vehicle, or of a person's tracks) as numbered points in time order, for the map and the list. */
import type { PlateSighting } from "./types";

/** What a point needs: which camera, when, and where the camera was. */
export interface Located {
  camera_id: string;
  time: string;
  latitude: number | null;
  longitude: number | null;
}

export interface TrajectoryPoint<S extends Located = PlateSighting> {
  /** 1 for the earliest sighting. */
  number: number;
  sighting: S;
  /** [latitude, longitude], or null when the camera had no position when the read was stored. */
  position: [number, number] | null;
}

function timeValue(sighting: Located): number {
  const value = Date.parse(sighting.time);
  return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
}

/** Oldest first. The server already sends them so; sorting again keeps the numbering right regardless. */
export function trajectoryPoints<S extends Located>(sightings: readonly S[]): TrajectoryPoint<S>[] {
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
export function pathOf(points: readonly TrajectoryPoint<Located>[]): [number, number][] {
  return points.flatMap((point) => (point.position ? [point.position] : []));
}
