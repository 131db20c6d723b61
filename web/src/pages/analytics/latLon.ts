/** A place's position as the tables show it: latitude, longitude to four decimals (about 10 m). */
export function latLon(place: { lat: number; lon: number }): string {
  return `${place.lat.toFixed(4)}, ${place.lon.toFixed(4)}`;
}
