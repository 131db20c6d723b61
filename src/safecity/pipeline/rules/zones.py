"""Zone rules: enter, exit, dwell, loitering and crowd count inside a polygon."""

from __future__ import annotations

from dataclasses import dataclass

from safecity.pipeline.events import EventType
from safecity.pipeline.rules.config import ZoneConfig
from safecity.pipeline.rules.hits import RuleHit
from safecity.pipeline.rules.scene_rule import SceneRule
from safecity.vision.geometry import Point
from safecity.vision.geometry import Polygon
from safecity.vision.tracking import Track


@dataclass(slots=True)
class _Visit:
    entered_at: float
    dwell_reported: bool = False
    loiter_reported: bool = False


class ZoneRule(SceneRule[ZoneConfig]):
    def __init__(self, config: ZoneConfig, polygon: list[Point]) -> None:
        super().__init__(config)
        self.polygon = Polygon(polygon)
        self.visits: dict[int, _Visit] = {}
        self.crowded = False

    def watches(self, track: Track) -> bool:
        return self.config.classes is None or track.label in self.config.classes

    def observe(self, tracks: list[Track]) -> list[RuleHit]:
        """Update membership from freshly tracked positions (analysed frames only)."""
        hits: list[RuleHit] = []
        for track in tracks:
            if not self.watches(track):
                continue
            inside = self.polygon.contains(track.anchor)
            visit = self.visits.get(track.track_id)
            if inside and visit is None:
                self.visits[track.track_id] = _Visit(track.last_seen)
                hits.append(RuleHit(EventType.ZONE_ENTER, self.name, track, {"zone": self.name}))
            elif not inside and visit is not None:
                hits.append(self._exit(track, visit, track.last_seen, reason="left"))
        return hits

    def tick(self, now: float, active: list[Track]) -> list[RuleHit]:
        """Time-based checks on every frame, analysed or not: dwell, loitering, crowd."""
        hits: list[RuleHit] = []
        by_id = {track.track_id: track for track in active}
        for track_id, visit in self.visits.items():
            track = by_id.get(track_id)
            if track is None:
                continue
            stay = now - visit.entered_at
            if self.config.dwell_seconds and not visit.dwell_reported and stay >= self.config.dwell_seconds:
                visit.dwell_reported = True
                hits.append(RuleHit(EventType.DWELL, self.name, track, {"zone": self.name, "seconds": stay}))
            if (
                self.config.loiter_seconds
                and not visit.loiter_reported
                and track.label in self.config.loiter_classes
                and stay >= self.config.loiter_seconds
            ):
                visit.loiter_reported = True
                hits.append(
                    RuleHit(EventType.LOITERING, self.name, track, {"zone": self.name, "seconds": stay})
                )
        hits.extend(self._crowd(by_id))
        return hits

    def track_ended(self, track: Track) -> list[RuleHit]:
        visit = self.visits.get(track.track_id)
        return [self._exit(track, visit, track.last_seen, reason="lost")] if visit else []

    def count(self) -> int:
        return len(self.visits)

    def _crowd(self, by_id: dict[int, Track]) -> list[RuleHit]:
        threshold = self.config.crowd_threshold
        if threshold is None:
            return []
        count = sum(1 for track_id in self.visits if track_id in by_id)
        if count >= threshold and not self.crowded:
            self.crowded = True
            return [RuleHit(EventType.CROWD, self.name, None, {"zone": self.name, "count": count})]
        if count < threshold:
            self.crowded = False
        return []

    def _exit(self, track: Track, visit: _Visit, now: float, reason: str) -> RuleHit:
        del self.visits[track.track_id]
        payload = {"zone": self.name, "dwell_seconds": round(now - visit.entered_at, 3), "reason": reason}
        return RuleHit(EventType.ZONE_EXIT, self.name, track, payload)
