"""Removed object, marked region: an object the detector does not know (a statue, an extinguisher) is
watched by its picture. The region's look is learnt once it has been still for `present_seconds`; when it
no longer looks the same for `absent_seconds` (judged only while nobody stands in front of it) and a person
was near when the change was first seen, it was taken. A change nobody was near (light, a camera nudge) is
learnt as the new look without an alarm, and so is the empty place after an alarm."""

from __future__ import annotations

import math

import cv2
import numpy as np
import numpy.typing as npt

from safecity.pipeline.events import EventType
from safecity.pipeline.rules.hits import RuleHit
from safecity.pipeline.rules.nearby import people
from safecity.pipeline.rules.removed import NEAR_SLACK_SECONDS
from safecity.pipeline.rules.scene_rule import SceneRule
from safecity.pipeline.rules.threat_config import RemovedObjectConfig
from safecity.video.frame import Image
from safecity.vision.geometry import Point
from safecity.vision.tracking import Track

Patch = npt.NDArray[np.float32]
#: The region is compared at most this many pixels on its longer side (enough for a look, cheap per frame).
SAMPLE_PIXELS = 48
#: Zero-mean normalised correlation at or above this: the region looks the same.
SAME_LOOK = 0.6


class RemovedRegionRule(SceneRule[RemovedObjectConfig]):
    def __init__(
        self, config: RemovedObjectConfig, polygon: list[Point], radius: float, width: int, height: int
    ) -> None:
        super().__init__(config)
        self.radius = radius
        points = np.array(polygon, np.float32)
        x1, y1 = np.clip(np.floor(points.min(axis=0)), 0, [width - 1, height - 1]).astype(int)
        x2, y2 = np.clip(np.ceil(points.max(axis=0)), [x1 + 1, y1 + 1], [width, height]).astype(int)
        self.rect = (int(x1), int(y1), int(x2), int(y2))
        self.centre = (float(points[:, 0].mean()), float(points[:, 1].mean()))
        scale = min(1.0, SAMPLE_PIXELS / max(x2 - x1, y2 - y1))
        self.size = (max(2, round((x2 - x1) * scale)), max(2, round((y2 - y1) * scale)))
        mask = np.zeros((int(y2 - y1), int(x2 - x1)), np.uint8)
        cv2.fillPoly(mask, [np.round(points - [x1, y1]).astype(np.int32)], 255)
        self.mask = cv2.resize(mask, self.size, interpolation=cv2.INTER_AREA) >= 128
        self.latest: Patch | None = None
        self.reference: Patch | None = None
        self.candidate: Patch | None = None
        self.candidate_since = 0.0
        self.changed_since: float | None = None
        self.taken = False
        self.taken_by: int | None = None
        self.near_at: float | None = None
        self.person: int | None = None

    def see(self, image: Image, timestamp: float) -> None:
        x1, y1, x2, y2 = self.rect
        grey = cv2.cvtColor(image[y1:y2, x1:x2], cv2.COLOR_BGR2GRAY)
        self.latest = cv2.resize(grey, self.size, interpolation=cv2.INTER_AREA).astype(np.float32)[self.mask]

    def tick(self, now: float, active: list[Track]) -> list[RuleHit]:
        persons = people(active)
        in_front = [person for person in persons if self._covers(person)]
        near = in_front or [p for p in persons if math.dist(p.anchor, self.centre) <= self.radius]
        if near:
            self.near_at, self.person = now, near[0].track_id
        if self.latest is None or in_front:
            self.candidate = None  # not judged, nor learnt, while someone stands in front of it
            return []
        if self.reference is None:
            self._learn(self.latest, now)
            return []
        if _similarity(self.latest, self.reference) >= SAME_LOOK:
            self.changed_since = None  # unchanged, or put back in time
            return []
        if self.changed_since is None:
            self.changed_since = now
            taken = self.near_at is not None and self.near_at >= now - NEAR_SLACK_SECONDS
            self.taken_by = self.person if taken else None
            self.taken = taken
        if now - self.changed_since < self.config.absent_seconds:
            return []
        hits = [self._hit(now)] if self.taken else []
        self.reference, self.changed_since = None, None  # learn what is there now
        return hits

    def _covers(self, person: Track) -> bool:
        x1, y1, x2, y2 = self.rect
        box = person.box
        return box[0] < x2 and box[2] > x1 and box[1] < y2 and box[3] > y1

    def _learn(self, patch: Patch, now: float) -> None:
        if self.candidate is None or _similarity(patch, self.candidate) < SAME_LOOK:
            self.candidate, self.candidate_since = patch, now
        elif now - self.candidate_since >= self.config.present_seconds:
            self.reference = self.candidate

    def _hit(self, now: float) -> RuleHit:
        assert self.changed_since is not None
        payload = {
            "zone": self.name,
            "object_class": "marked object",
            "seconds": round(self.changed_since - self.candidate_since),
            "absent_seconds": round(now - self.changed_since, 1),
            "person_track_id": self.taken_by,
        }
        return RuleHit(EventType.REMOVED_OBJECT, self.name, None, payload)


def _similarity(a: Patch, b: Patch) -> float:
    """Zero-mean normalised correlation (indifferent to light getting brighter or darker); flat patches
    (a plain wall) compare by their mean."""
    a0, b0 = a - a.mean(), b - b.mean()
    spread = math.sqrt(float((a0 * a0).sum()) * float((b0 * b0).sum()))
    if spread < 4.0 * a.size:  # both nearly flat (std under 2 grey levels)
        return 1.0 if abs(float(a.mean()) - float(b.mean())) < 12 else 0.0
    return float((a0 * b0).sum()) / spread
