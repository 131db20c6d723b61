"""Line rules: directional crossings counted per class, and wrong-way crossings."""

from __future__ import annotations

from collections import Counter

from safecity.pipeline.events import EventType
from safecity.pipeline.rules.config import Direction
from safecity.pipeline.rules.config import LineConfig
from safecity.pipeline.rules.hits import RuleHit
from safecity.pipeline.rules.scene_rule import SceneRule
from safecity.vision.geometry import Point
from safecity.vision.line_crossing import LineCrossings
from safecity.vision.tracking import Track


class LineRule(SceneRule[LineConfig]):
    def __init__(self, config: LineConfig, start: Point, end: Point) -> None:
        super().__init__(config)
        self.crossings = LineCrossings(start, end)
        self.counts: dict[Direction, Counter[str]] = {Direction.IN: Counter(), Direction.OUT: Counter()}

    def observe(self, tracks: list[Track], speeds: dict[int, float]) -> list[RuleHit]:
        hits: list[RuleHit] = []
        for track in tracks:
            if self.config.classes is not None and track.label not in self.config.classes:
                continue
            crossing = self.crossings.observe(track.track_id, track.anchor)
            if crossing is None:
                continue
            direction = Direction(crossing)
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
        self.crossings.forget(track.track_id)

    def summary(self) -> dict[str, dict[str, int]]:
        return {direction.value: dict(sorted(counter.items())) for direction, counter in self.counts.items()}
