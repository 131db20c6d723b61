/**
 * Which districts this console watches for alarm pop-ups. A desk covering one part of the city chooses its
 * districts; none chosen means the whole city. Kept per console (a desk's screen), not per user.
 */
export const WATCHED_DISTRICTS_KEY = "safecity.alarm.districts";

export function loadWatchedDistricts(storage: Pick<Storage, "getItem"> = localStorage): string[] {
  try {
    const stored: unknown = JSON.parse(storage.getItem(WATCHED_DISTRICTS_KEY) ?? "[]");
    return Array.isArray(stored) ? stored.filter((d): d is string => typeof d === "string") : [];
  } catch {
    return [];
  }
}

export function saveWatchedDistricts(districts: readonly string[], storage: Pick<Storage, "setItem"> = localStorage): void {
  storage.setItem(WATCHED_DISTRICTS_KEY, JSON.stringify([...districts]));
}

/**
 * Whether this console pops up an alarm from a camera in `district`: every alarm when no district is chosen,
 * and an alarm with no district (a panic, a camera without one) everywhere, since no desk may miss it.
 */
export function watchesArea(watched: readonly string[], district: string | null | undefined): boolean {
  return watched.length === 0 || !district || watched.includes(district);
}

/** The districts the cameras name, sorted, once each. */
export function districtsOf(cameras: readonly { district: string | null }[]): string[] {
  return [...new Set(cameras.map((c) => c.district).filter((d): d is string => Boolean(d)))].sort();
}
