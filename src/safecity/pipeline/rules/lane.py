"""Lane rules: vehicles of other classes inside a restricted lane, and crossings of solid lines."""

from __future__ import annotations

from safecity.pipeline.events import EventType
from safecity.pipeline.rules.hits import RuleHit
from safecity.pipeline.rules.traffic_config import LaneConfig
from safecity.pipeline.rules.traffic_config import SolidLineConfig
from safecity.vision.geometry import Point
from safecity.vision.geometry import Polygon
from safecity.vision.line_crossing import LineCrossings
from safecity.vision.tracking import Track


class RestrictedLaneRule:
    """`lane_violation` (kind `restricted_lane`) once a watched vehicle not allowed in the lane has stayed
    inside for `min_seconds`; once per track and lane."""

    def __init__(self, config: LaneConfig, polygon: list[Point]) -> None:
        self.config = config
        self.polygon = Polygon(polygon)
        self.entered: dict[int, float] = {}
        self.reported: set[int] = set()

    def observe(self, tracks: list[Track]) -> list[RuleHit]:
        hits: list[RuleHit] = []
        for track in tracks:
            label = track.label
            if label in self.config.allowed_classes or label not in self.config.watched_classes:
                continue
            if track.track_id in self.reported:
                continue
            if not self.polygon.contains(track.anchor):
                self.entered.pop(track.track_id, None)
                continue
            entered = self.entered.setdefault(track.track_id, track.last_seen)
            if track.last_seen - entered >= self.config.min_seconds:
                self.reported.add(track.track_id)
                payload = {
                    "kind": "restricted_lane",
                    "lane": self.config.name,
                    "seconds_inside": round(track.last_seen - entered, 2),
                    "allowed_classes": list(self.config.allowed_classes),
                }
                hits.append(RuleHit(EventType.LANE_VIOLATION, self.config.name, track, payload))
        return hits

    def track_ended(self, track: Track) -> None:
        self.entered.pop(track.track_id, None)
        self.reported.discard(track.track_id)


class SolidLineRule:
    """`lane_violation` (kind `solid_line`) for every crossing of the line, in either direction."""

    def __init__(self, config: SolidLineConfig, start: Point, end: Point) -> None:
        self.config = config
        self.crossings = LineCrossings(start, end)

    def observe(self, tracks: list[Track]) -> list[RuleHit]:
        hits: list[RuleHit] = []
        for track in tracks:
            if track.label not in self.config.classes:
                continue
            crossing = self.crossings.observe(track.track_id, track.anchor)
            if crossing is None:
                continue
            payload = {"kind": "solid_line", "line": self.config.name, "direction": crossing}
            hits.append(RuleHit(EventType.LANE_VIOLATION, self.config.name, track, payload))
        return hits

    def track_ended(self, track: Track) -> None:
        self.crossings.forget(track.track_id)
