import type { Point } from "./geometry";

/** Points from [x, y] pairs, for tests: `pointsAt([0.1, 0.1], [0.5, 0.1], [0.5, 0.5])` is a triangle. */
export function pointsAt(...pairs: [number, number][]): Point[] {
  return pairs.map(([x, y]) => ({ x, y }));
}
