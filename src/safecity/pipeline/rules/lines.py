"""Line rules: directional crossings counted per class, and wrong-way crossings."""

from __future__ import annotations

from collections import Counter

from safecity.pipeline.events import EventType
from safecity.pipeline.rules.config import Direction, LineConfig
from safecity.pipeline.rules.geometry import DirectedLine, Point
from safecity.pipeline.rules.hits import RuleHit
from safecity.vision.tracking import Track

# A point this close to the line (pixels) keeps its previous side, so jitter on the line counts nothing.
SIDE_MARGIN_PX = 2.0
# Crossings slightly beyond the segment's ends still count (boxes are not points).
END_TOLERANCE = 0.05


class LineRule:
    def __init__(self, config: LineConfig, start: Point, end: Point) -> None:
        self.config = config
        self.line = DirectedLine(start, end)
        self.last_side: dict[int, tuple[int, Point]] = {}
        self.counts: dict[Direction, Counter[str]] = {Direction.IN: Counter(), Direction.OUT: Counter()}

    @property
    def name(self) -> str:
        return self.config.name

    def observe(self, tracks: list[Track], speeds: dict[int, float]) -> list[RuleHit]:
        hits: list[RuleHit] = []
        for track in tracks:
            if self.config.classes is not None and track.label not in self.config.classes:
                continue
            point = track.anchor
            distance = self.line.signed_distance(point)
            if abs(distance) < SIDE_MARGIN_PX:
                continue
            side = 1 if distance > 0 else -1
            previous = self.last_side.get(track.track_id)
            self.last_side[track.track_id] = (side, point)
            if previous is None or previous[0] == side:
                continue
            fraction = self.line.crossing_fraction(previous[1], point)
            if fraction is None or not -END_TOLERANCE <= fraction <= 1 + END_TOLERANCE:
                continue
            direction = Direction.IN if side > 0 else Direction.OUT
            self.counts[direction][track.label] += 1
            payload: dict[str, object] = {"line": self.name, "direction": direction.value}
            if track.track_id in speeds:
                payload["speed_kmh"] = round(speeds[track.track_id], 1)
            hits.append(RuleHit(EventType.LINE_CROSSING, self.name, track, payload))
            allowed = self.config.allowed_direction
            if allowed is not None and direction != allowed:
                hits.append(
                    RuleHit(EventType.WRONG_WAY, self.name, track, {**payload, "allowed": allowed.value})
                )
        return hits

    def track_ended(self, track: Track) -> None:
        self.last_side.pop(track.track_id, None)

    def summary(self) -> dict[str, dict[str, int]]:
        return {direction.value: dict(sorted(counter.items())) for direction, counter in self.counts.items()}
