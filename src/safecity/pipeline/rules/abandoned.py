"""Abandoned object: a bag that stays put after the person who carried it walked away."""

from __future__ import annotations

import math
from dataclasses import dataclass

from safecity.pipeline.events import EventType
from safecity.pipeline.rules.hits import RuleHit
from safecity.pipeline.rules.nearby import nearest_within
from safecity.pipeline.rules.nearby import people
from safecity.pipeline.rules.nearby import stays_put
from safecity.pipeline.rules.scene_rule import SceneRule
from safecity.pipeline.rules.threat_config import AbandonedObjectConfig
from safecity.vision.geometry import Point
from safecity.vision.geometry import Polygon
from safecity.vision.tracking import Track


@dataclass(slots=True)
class _Watch:
    rest: Point  # where the object stands
    rest_since: float
    owner: int | None = None
    owner_near: bool = False
    owner_lost: bool = False  # the owner's track ended beside the object: the next person near owns it
    unattended_since: float | None = None
    reported: bool = False


class AbandonedObjectRule(SceneRule[AbandonedObjectConfig]):
    """Owner: the person nearest to the object (within `radius`) when it appeared, else the first person to
    come that near. The clock runs while the owner is further than `radius` (or gone from view) and the
    object stays put; it restarts when the object moves and stops when the owner comes back. An owner lost
    from view while still beside the object (an occlusion, a new track id) is forgotten, so the person near it
    next becomes the owner. One hit per unattended spell."""

    def __init__(self, config: AbandonedObjectConfig, polygon: list[Point], radius: float) -> None:
        super().__init__(config)
        self.polygon = Polygon(polygon)
        self.radius = radius
        self.watches: dict[int, _Watch] = {}

    def tick(self, now: float, active: list[Track]) -> list[RuleHit]:
        hits: list[RuleHit] = []
        persons = people(active)
        by_id = {track.track_id: track for track in persons}
        seen: set[int] = set()
        for track in active:
            if track.label not in self.config.classes or not self.polygon.contains(track.anchor):
                continue
            seen.add(track.track_id)
            watch = self.watches.setdefault(track.track_id, _Watch(track.anchor, now))
            if not stays_put(track, watch.rest):
                watch.rest, watch.rest_since = track.anchor, now
                if watch.unattended_since is not None:
                    watch.unattended_since = now
            self._follow_owner(watch, track, persons, by_id, now)
            hit = self._check(watch, track, now)
            if hit is not None:
                hits.append(hit)
        for track_id in set(self.watches) - seen:
            del self.watches[track_id]  # carried out of the zone, or its track ended
        return hits

    def track_ended(self, track: Track) -> None:
        self.watches.pop(track.track_id, None)
        for watch in self.watches.values():
            if watch.owner == track.track_id and watch.owner_near:
                watch.owner_lost = True

    def _follow_owner(
        self, watch: _Watch, item: Track, persons: list[Track], by_id: dict[int, Track], now: float
    ) -> None:
        if watch.owner is None or watch.owner_lost:
            nearest = nearest_within(item.anchor, persons, self.radius)
            if nearest is not None:
                watch.owner, watch.owner_lost = nearest.track_id, False
        owner = by_id.get(watch.owner) if watch.owner is not None else None
        watch.owner_near = owner is not None and math.dist(owner.anchor, item.anchor) <= self.radius
        if watch.owner_near:
            watch.unattended_since, watch.reported = None, False
        elif watch.unattended_since is None:
            # Nobody was ever near: unattended since it came to rest; else since its owner went.
            watch.unattended_since = watch.rest_since if watch.owner is None else now

    def _check(self, watch: _Watch, item: Track, now: float) -> RuleHit | None:
        if watch.unattended_since is None or watch.reported:
            return None
        unattended = now - watch.unattended_since
        if unattended < self.config.unattended_seconds:
            return None
        watch.reported = True
        payload = {
            "zone": self.name,
            "object_class": item.label,
            "seconds": round(unattended),
            "owner_track_id": watch.owner,
            "owner": "left" if watch.owner is not None else "unknown",
        }
        return RuleHit(EventType.ABANDONED_OBJECT, self.name, item, payload)
