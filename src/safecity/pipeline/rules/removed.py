"""Removed object: something that stood in a zone for a while is taken away by a person."""

from __future__ import annotations

import math
from dataclasses import dataclass

from safecity.pipeline.events import EventType
from safecity.pipeline.rules.hits import RuleHit
from safecity.pipeline.rules.nearby import MIN_MOVE_PIXELS
from safecity.pipeline.rules.nearby import nearest_within
from safecity.pipeline.rules.nearby import people
from safecity.pipeline.rules.scene_rule import SceneRule
from safecity.pipeline.rules.threat_config import RemovedObjectConfig
from safecity.vision.geometry import Point
from safecity.vision.geometry import Polygon
from safecity.vision.tracking import Track

#: A person seen within the radius this long before the object vanished counts as "near" when it did.
NEAR_SLACK_SECONDS = 2.0


@dataclass(slots=True)
class _Present:
    since: float
    place: Point
    near_at: float | None = None
    person: int | None = None


@dataclass(slots=True)
class _Gone:
    track: Track
    place: Point
    stood_seconds: float
    gone_at: float
    person: int | None


class RemovedObjectRule(SceneRule[RemovedObjectConfig]):
    """An object of `classes` inside the polygon for `present_seconds` whose track ends, or which leaves the
    polygon, while a person is within `radius`, becomes a pending removal; `absent_seconds` later, if nothing
    of its class is back near its place (two of its heights), the hit is reported. Put back in time: none."""

    def __init__(self, config: RemovedObjectConfig, polygon: list[Point], radius: float) -> None:
        super().__init__(config)
        self.polygon = Polygon(polygon)
        self.radius = radius
        self.present: dict[int, _Present] = {}
        self.pending: list[_Gone] = []

    def watches(self, track: Track) -> bool:
        classes = self.config.classes
        return track.label != "person" if classes is None else track.label in classes

    def tick(self, now: float, active: list[Track]) -> list[RuleHit]:
        persons = people(active)
        for track in active:
            if not self.watches(track):
                continue
            if self.polygon.contains(track.anchor):
                self._present(track, persons, now)
            elif track.track_id in self.present:
                self._gone(track, self.present.pop(track.track_id), now)  # carried out of the zone
        return self._confirmed(now)

    def track_ended(self, track: Track) -> None:
        present = self.present.pop(track.track_id, None)
        if present is not None:
            self._gone(track, present, track.last_seen)

    def _present(self, track: Track, persons: list[Track], now: float) -> None:
        present = self.present.setdefault(track.track_id, _Present(now, track.anchor))
        present.place = track.anchor
        person = nearest_within(track.anchor, persons, self.radius)
        if person is not None:
            present.near_at, present.person = now, person.track_id
        self.pending = [gone for gone in self.pending if not _put_back(gone, track, present)]

    def _gone(self, track: Track, present: _Present, at: float) -> None:
        stood = at - present.since
        taken = present.near_at is not None and present.near_at >= at - NEAR_SLACK_SECONDS
        if stood >= self.config.present_seconds and taken:
            self.pending.append(_Gone(track, present.place, stood, at, present.person))

    def _confirmed(self, now: float) -> list[RuleHit]:
        hits: list[RuleHit] = []
        waiting: list[_Gone] = []
        for gone in self.pending:
            if now - gone.gone_at < self.config.absent_seconds:
                waiting.append(gone)
                continue
            payload = {
                "zone": self.name,
                "object_class": gone.track.label,
                "seconds": round(gone.stood_seconds),
                "absent_seconds": round(now - gone.gone_at, 1),
                "person_track_id": gone.person,
            }
            hits.append(RuleHit(EventType.REMOVED_OBJECT, self.name, gone.track, payload))
        self.pending = waiting
        return hits


def _put_back(gone: _Gone, track: Track, present: _Present) -> bool:
    """The object is back: the same track, or one of its class that appeared since, near its place (an
    object that stood beside it all along does not count)."""
    if track.track_id == gone.track.track_id:
        return True
    back = present.since >= gone.gone_at and track.label == gone.track.label
    return back and math.dist(gone.place, track.anchor) <= max(MIN_MOVE_PIXELS, _height(gone.track) * 2)


def _height(track: Track) -> float:
    return track.box[3] - track.box[1]
