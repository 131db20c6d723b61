"""Who is near an object, and whether an object stays put: shared by the object threat rules."""

from __future__ import annotations

import math
from collections.abc import Iterable

from safecity.vision.geometry import Point
from safecity.vision.tracking import Track

#: Detection jitter an object standing still may show (pixels), at the least.
MIN_MOVE_PIXELS = 6.0


def people(tracks: Iterable[Track]) -> list[Track]:
    return [track for track in tracks if track.label == "person"]


def nearest_within(point: Point, tracks: Iterable[Track], radius: float) -> Track | None:
    """The track whose ground point is nearest to `point`, if it is within `radius`."""
    best, best_distance = None, radius
    for track in tracks:
        distance = math.dist(track.anchor, point)
        if distance <= best_distance:
            best, best_distance = track, distance
    return best


def stays_put(track: Track, rest: Point) -> bool:
    """Whether the object is still where it came to rest: within half its box height (its own size, so
    near and far objects are judged alike), and never stricter than detection jitter."""
    _, top, _, bottom = track.box
    tolerance = max(MIN_MOVE_PIXELS, (bottom - top) / 2)
    return math.dist(track.anchor, rest) <= tolerance
