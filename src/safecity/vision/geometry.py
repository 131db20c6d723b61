"""Plane geometry in image pixels: coordinates to pixels, point in polygon, side of a line."""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

Point = tuple[float, float]


def is_normalised(points: Sequence[Point], units: str) -> bool:
    """Whether a shape is in fractions of the frame: "normalized", or "auto" with every value in 0..1."""
    return units == "normalized" or (
        units == "auto" and all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in points)
    )


def to_pixels(points: Sequence[Point], width: int, height: int, units: str) -> list[Point]:
    """Convert a shape to pixels. `units`: "pixels", "normalized" or "auto" (normalised if all in 0..1)."""
    if not is_normalised(points, units):
        return [(float(x), float(y)) for x, y in points]
    return [(x * width, y * height) for x, y in points]


class Polygon:
    def __init__(self, points: Sequence[Point]) -> None:
        self.points = np.array(points, dtype=np.float32).reshape(-1, 1, 2)

    def contains(self, point: Point) -> bool:
        return cv2.pointPolygonTest(self.points, (float(point[0]), float(point[1])), False) >= 0


class DirectedLine:
    """A segment walked from `start` to `end`; positive side = the walker's right (image y points down)."""

    def __init__(self, start: Point, end: Point) -> None:
        self.start = np.array(start, dtype=np.float64)
        self.end = np.array(end, dtype=np.float64)
        self.vector = self.end - self.start
        self.length = float(np.hypot(*self.vector))
        if self.length == 0:
            raise ValueError("a line needs two distinct points")

    def signed_distance(self, point: Point) -> float:
        offset = np.array(point, dtype=np.float64) - self.start
        return float(self.vector[0] * offset[1] - self.vector[1] * offset[0]) / self.length

    def crossing_fraction(self, before: Point, after: Point) -> float | None:
        """Where the movement before→after crosses the infinite line, as a fraction along start→end."""
        p = np.array(before, dtype=np.float64)
        r = np.array(after, dtype=np.float64) - p
        denominator = self.vector[0] * r[1] - self.vector[1] * r[0]
        if abs(denominator) < 1e-12:
            return None
        q = p - self.start
        return float(q[0] * r[1] - q[1] * r[0]) / float(denominator)
