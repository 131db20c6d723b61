"""Line crossing: which tracks crossed a directed line segment between two observations, and which way."""

from __future__ import annotations

from typing import Literal

from safecity.vision.geometry import DirectedLine
from safecity.vision.geometry import Point

Crossing = Literal["in", "out"]

# A point this close to the line (pixels) keeps its previous side, so jitter on the line counts nothing.
SIDE_MARGIN_PX = 2.0
# Crossings slightly beyond the segment's ends still count (boxes are not points).
END_TOLERANCE = 0.05


class LineCrossings:
    """Remembers the side of the line each track was last seen on and reports when it changes.

    `in`: from the left to the right of the line walked from `start` to `end` (image y points down, so a line
    drawn left to right counts downward movement as `in`); `out`: the other way.
    """

    def __init__(self, start: Point, end: Point) -> None:
        self.line = DirectedLine(start, end)
        self._last_side: dict[int, tuple[int, Point]] = {}

    def observe(self, track_id: int, point: Point) -> Crossing | None:
        """The direction in which the track crossed the segment since its last observation, if it did."""
        distance = self.line.signed_distance(point)
        if abs(distance) < SIDE_MARGIN_PX:
            return None
        side = 1 if distance > 0 else -1
        previous = self._last_side.get(track_id)
        self._last_side[track_id] = (side, point)
        if previous is None or previous[0] == side:
            return None
        fraction = self.line.crossing_fraction(previous[1], point)
        if fraction is None or not -END_TOLERANCE <= fraction <= 1 + END_TOLERANCE:
            return None
        return "in" if side > 0 else "out"

    def forget(self, track_id: int) -> None:
        self._last_side.pop(track_id, None)
