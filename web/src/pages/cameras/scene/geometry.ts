/** Pure drawing geometry. Points are normalised to the frame (0..1, y down), as the scene is saved. */

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** A position on the displayed picture (pixels from its top-left corner) → frame fraction, kept inside. */
export function toNormalised(pixel: Point, displayed: Size): Point {
  if (displayed.width <= 0 || displayed.height <= 0) return { x: 0, y: 0 };
  return { x: clamp01(pixel.x / displayed.width), y: clamp01(pixel.y / displayed.height) };
}

export function toPixels(point: Point, displayed: Size): Point {
  return { x: point.x * displayed.width, y: point.y * displayed.height };
}

/** Saved coordinates are rounded so the scene stays readable; 1/10000 of a frame is finer than a pixel. */
export function rounded(point: Point): Point {
  const round = (value: number) => Math.round(clamp01(value) * 10_000) / 10_000;
  return { x: round(point.x), y: round(point.y) };
}

export function samePoint(a: Point, b: Point, tolerance = 1e-6): boolean {
  return Math.abs(a.x - b.x) <= tolerance && Math.abs(a.y - b.y) <= tolerance;
}

/**
 * The vertices of a finished polygon: repeated clicks on one spot count once, and a last click on the
 * first vertex (the usual way to close an outline) is dropped because the polygon closes by itself.
 */
export function closePolygon(points: readonly Point[], tolerance = 0.002): Point[] {
  const result: Point[] = [];
  for (const point of points) {
    const previous = result[result.length - 1];
    if (!previous || !samePoint(previous, point, tolerance)) result.push(point);
  }
  const first = result[0];
  const last = result[result.length - 1];
  if (result.length > 1 && first && last && samePoint(first, last, tolerance)) result.pop();
  return result;
}

export function moveVertex(points: readonly Point[], index: number, to: Point): Point[] {
  return points.map((point, i) => (i === index ? { x: clamp01(to.x), y: clamp01(to.y) } : point));
}

export function removeVertex<T>(points: readonly T[], index: number): T[] {
  return points.filter((_, i) => i !== index);
}

/** A new vertex halfway along the closing edge (last → first), or the frame centre for an empty shape. */
export function nextVertex(points: readonly Point[]): Point {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return { x: 0.5, y: 0.5 };
  if (points.length === 1) return { x: clamp01(first.x + 0.1), y: first.y };
  return { x: (first.x + last.x) / 2, y: (first.y + last.y) / 2 };
}

/** Swapping start and end turns a line round: its `in` side becomes the other side. */
export function swapDirection<T>(line: readonly [T, T]): [T, T] {
  return [line[1], line[0]];
}

/**
 * The side a crossing counts as `in`: the right of the line walked from start to end in image coordinates
 * (y down), so a line drawn left to right counts downward movement as `in` (docs/pipeline.md).
 * Works in displayed pixels because a picture is rarely square. Returns a unit vector.
 */
export function inwardNormal(start: Point, end: Point): Point {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return { x: 0, y: 0 };
  return { x: -dy / length, y: dx / length };
}

function orientation(a: Point, b: Point, c: Point): number {
  const value = (b.y - a.y) * (c.x - b.x) - (b.x - a.x) * (c.y - b.y);
  return Math.abs(value) < 1e-12 ? 0 : Math.sign(value);
}

function onSegment(a: Point, b: Point, c: Point): boolean {
  return (
    Math.min(a.x, c.x) <= b.x && b.x <= Math.max(a.x, c.x) && Math.min(a.y, c.y) <= b.y && b.y <= Math.max(a.y, c.y)
  );
}

export function segmentsIntersect(p1: Point, p2: Point, q1: Point, q2: Point): boolean {
  const o1 = orientation(p1, p2, q1);
  const o2 = orientation(p1, p2, q2);
  const o3 = orientation(q1, q2, p1);
  const o4 = orientation(q1, q2, p2);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(p1, q1, p2)) ||
    (o2 === 0 && onSegment(p1, q2, p2)) ||
    (o3 === 0 && onSegment(q1, p1, q2)) ||
    (o4 === 0 && onSegment(q1, p2, q2))
  );
}

/** True when two edges of the closed polygon that do not share a vertex touch or cross. */
export function selfIntersects(points: readonly Point[]): boolean {
  const n = points.length;
  if (n < 4) return false;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      if (adjacent) continue;
      const a1 = points[i] as Point;
      const a2 = points[(i + 1) % n] as Point;
      const b1 = points[j] as Point;
      const b2 = points[(j + 1) % n] as Point;
      if (segmentsIntersect(a1, a2, b1, b2)) return true;
    }
  }
  return false;
}
