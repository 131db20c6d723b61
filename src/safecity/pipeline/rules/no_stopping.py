"""No-stopping zone: a person or vehicle that stops near a protected building."""

from __future__ import annotations

import math
from dataclasses import dataclass

from safecity.pipeline.events import EventType
from safecity.pipeline.rules.hits import RuleHit
from safecity.pipeline.rules.scene_rule import SceneRule
from safecity.pipeline.rules.threat_config import NoStoppingConfig
from safecity.vision.geometry import Point
from safecity.vision.geometry import Polygon
from safecity.vision.tracking import Track

#: Speed is measured over the last this-many seconds of a track's path (or its last two points).
SPEED_WINDOW_SECONDS = 2.0


@dataclass(slots=True)
class _Visit:
    stopped_since: float | None = None
    reported: bool = False


def relative_speed(track: Track) -> tuple[float, float] | None:
    """How fast the track's ground point moved over the last `SPEED_WINDOW_SECONDS` of its path, in heights
    of its own box per second (the same for near and far objects), and since when that window runs.
    None while the path has fewer than two points."""
    path = track.path
    if len(path) < 2:
        return None
    end_t, end_x, end_y = path[-1]
    window = [point for point in path[:-1] if point[0] >= end_t - SPEED_WINDOW_SECONDS]
    start_t, start_x, start_y = window[0] if window else path[-2]
    if end_t <= start_t:
        return None
    height = max(1.0, track.box[3] - track.box[1])
    return math.dist((start_x, start_y), (end_x, end_y)) / height / (end_t - start_t), start_t


class NoStoppingRule(SceneRule[NoStoppingConfig]):
    """Once per visit of the zone: a watched track stopped (slower than `max_speed`) for `dwell_seconds`.
    The stop counts from the start of the first slow speed window; moving again restarts it. When nothing
    moves the detector does not run and paths do not grow: a track then keeps its last speed, so a parked
    car goes on counting."""

    def __init__(self, config: NoStoppingConfig, polygon: list[Point]) -> None:
        super().__init__(config)
        self.polygon = Polygon(polygon)
        self.visits: dict[int, _Visit] = {}

    def tick(self, now: float, active: list[Track]) -> list[RuleHit]:
        hits: list[RuleHit] = []
        inside: set[int] = set()
        for track in active:
            if track.label not in self.config.classes or not self.polygon.contains(track.anchor):
                continue
            inside.add(track.track_id)
            visit = self.visits.setdefault(track.track_id, _Visit())
            measured = relative_speed(track)
            if measured is None or measured[0] >= self.config.max_speed:
                visit.stopped_since = None
                continue
            if visit.stopped_since is None:
                visit.stopped_since = measured[1]
            stopped = now - visit.stopped_since
            if not visit.reported and stopped >= self.config.dwell_seconds:
                visit.reported = True
                payload = {
                    "zone": self.name,
                    "object_class": track.label,
                    "seconds": round(stopped),
                    "speed": round(measured[0], 3),
                }
                hits.append(RuleHit(EventType.NO_STOPPING, self.name, track, payload))
        for track_id in set(self.visits) - inside:
            del self.visits[track_id]  # left the zone (or its track ended): a new visit counts again
        return hits
