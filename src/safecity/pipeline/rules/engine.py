"""Evaluates every rule of one camera's scene against its tracks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from safecity.pipeline.events import EventType
from safecity.pipeline.rules.abandoned import AbandonedObjectRule
from safecity.pipeline.rules.alarm_gate import AlarmGate
from safecity.pipeline.rules.config import SceneConfig
from safecity.pipeline.rules.hits import RuleHit
from safecity.pipeline.rules.lane import RestrictedLaneRule
from safecity.pipeline.rules.lane import SolidLineRule
from safecity.pipeline.rules.lines import LineRule
from safecity.pipeline.rules.no_stopping import NoStoppingRule
from safecity.pipeline.rules.red_light import RedLightRule
from safecity.pipeline.rules.removed import RemovedObjectRule
from safecity.pipeline.rules.removed_region import RemovedRegionRule
from safecity.pipeline.rules.signal_lamps import LampReader
from safecity.pipeline.rules.signals import ControllerFeed
from safecity.pipeline.rules.speed import GroundPlane
from safecity.pipeline.rules.zones import ZoneRule
from safecity.video.frame import Image
from safecity.vision.geometry import Point
from safecity.vision.geometry import is_normalised
from safecity.vision.geometry import to_pixels
from safecity.vision.tracking import Track


class _Timed(Protocol):
    def tick(self, now: float, active: list[Track]) -> list[RuleHit]: ...


class _Tracking(Protocol):
    def track_ended(self, track: Track) -> None: ...


class RuleEngine:
    def __init__(
        self, scene: SceneConfig, width: int, height: int, signal_feed: ControllerFeed | None = None
    ) -> None:
        self.scene = scene
        units = scene.units
        self.zones = [ZoneRule(zone, to_pixels(zone.polygon, width, height, units)) for zone in scene.zones]
        self.lines = []
        for line in scene.lines:
            start, end = to_pixels([line.start, line.end], width, height, units)
            self.lines.append(LineRule(line, start, end))
        calibration = scene.calibration
        self.ground: GroundPlane | None = None
        if calibration is not None:
            self.ground = GroundPlane(
                to_pixels(calibration.image_points, width, height, units), calibration.world_points
            )
        self.signals: list[RedLightRule] = []
        for signal in scene.signals:
            start, end = to_pixels([signal.start, signal.end], width, height, units)
            junction = to_pixels(signal.junction, width, height, units) if signal.junction else None
            lamps = LampReader(signal.lamps, width, height, units) if signal.lamps else None
            self.signals.append(RedLightRule(signal, start, end, junction, signal_feed, lamps))
        self.lanes = [
            RestrictedLaneRule(lane, to_pixels(lane.polygon, width, height, units)) for lane in scene.lanes
        ]
        self.solid_lines: list[SolidLineRule] = []
        for solid in scene.solid_lines:
            start, end = to_pixels([solid.start, solid.end], width, height, units)
            self.solid_lines.append(SolidLineRule(solid, start, end))
        self.abandoned = [
            AbandonedObjectRule(rule, *self._region(rule.polygon, rule.radius, width, height))
            for rule in scene.abandoned_objects
        ]
        self.removed = [
            RemovedObjectRule(rule, *self._region(rule.polygon, rule.radius, width, height))
            for rule in scene.removed_objects
            if rule.watch == "objects"
        ]
        self.removed_regions = [
            RemovedRegionRule(rule, *self._region(rule.polygon, rule.radius, width, height), width, height)
            for rule in scene.removed_objects
            if rule.watch == "region"
        ]
        self.no_stopping = [
            NoStoppingRule(rule, to_pixels(rule.polygon, width, height, units)) for rule in scene.no_stopping
        ]
        self.alarm_gate = AlarmGate(scene.alarms)
        self.max_speed: dict[int, float] = {}
        self.speeding_reported: set[int] = set()

    def see(self, image: Image, timestamp: float) -> None:
        """Rules that read the picture itself (signal lamps, marked regions): run on every frame."""
        for signal in self.signals:
            signal.see(image, timestamp)
        for region in self.removed_regions:
            region.see(image, timestamp)

    def observe(self, tracks: list[Track]) -> list[RuleHit]:
        """Rules that need fresh positions: run after each tracker update."""
        speeds = self._speeds(tracks)
        hits: list[RuleHit] = []
        for zone in self.zones:
            hits.extend(zone.observe(tracks))
        for line in self.lines:
            hits.extend(line.observe(tracks, speeds))
        hits.extend(self._speeding(tracks, speeds))
        for signal in self.signals:
            hits.extend(signal.observe(tracks, speeds))
        for lane in self.lanes:
            hits.extend(lane.observe(tracks))
        for solid in self.solid_lines:
            hits.extend(solid.observe(tracks))
        return hits

    def tick(self, now: float, active: list[Track]) -> list[RuleHit]:
        """Rules that act on time passing (dwell, loitering, unattended, removed, stopping): every frame."""
        timed: tuple[Sequence[_Timed], ...] = (
            self.zones,
            self.abandoned,
            self.removed,
            self.removed_regions,
            self.no_stopping,
        )
        return [hit for rules in timed for rule in rules for hit in rule.tick(now, active)]

    def track_ended(self, track: Track) -> list[RuleHit]:
        """Every rule forgets the track; only zones report anything (the exit of a visit cut short)."""
        hits = [hit for zone in self.zones for hit in zone.track_ended(track)]
        tracking: tuple[Sequence[_Tracking], ...] = (
            self.lines,
            self.signals,
            self.lanes,
            self.solid_lines,
            self.abandoned,
            self.removed,
        )
        for rules in tracking:
            for rule in rules:
                rule.track_ended(track)
        self.speeding_reported.discard(track.track_id)
        return hits

    def judged(self, hits: list[RuleHit], timestamp: float) -> list[RuleHit]:
        """The hits worth publishing, each marked alarm or record by the scene's alarm policies."""
        return self.alarm_gate.judged(hits, timestamp)

    def pop_max_speed(self, track_id: int) -> float | None:
        return self.max_speed.pop(track_id, None)

    def line_summary(self) -> dict[str, dict[str, dict[str, int]]]:
        return {line.name: line.summary() for line in self.lines}

    def _region(
        self, polygon: list[Point], radius: float, width: int, height: int
    ) -> tuple[list[Point], float]:
        """A rule's polygon in pixels, and its radius: pixels, or a fraction of the width when normalised."""
        units = self.scene.units
        pixels = radius * width if is_normalised(polygon, units) else radius
        return to_pixels(polygon, width, height, units), pixels

    def _speeds(self, tracks: list[Track]) -> dict[int, float]:
        if self.ground is None:
            return {}
        speeds: dict[int, float] = {}
        for track in tracks:
            speed = self.ground.speed_kmh(track)
            if speed is not None:
                speeds[track.track_id] = speed
                self.max_speed[track.track_id] = max(speed, self.max_speed.get(track.track_id, 0.0))
        return speeds

    def _speeding(self, tracks: list[Track], speeds: dict[int, float]) -> list[RuleHit]:
        hits: list[RuleHit] = []
        camera_limit = self.scene.calibration.speed_limit_kmh if self.scene.calibration else None
        for track in tracks:
            speed = speeds.get(track.track_id)
            if speed is None or track.track_id in self.speeding_reported:
                continue
            limit, rule = camera_limit, "speed"
            for zone in self.zones:
                zone_limit = zone.config.speed_limit_kmh
                if zone_limit is not None and track.track_id in zone.visits:
                    limit, rule = zone_limit, zone.name
                    break
            if limit is not None and speed > limit:
                self.speeding_reported.add(track.track_id)
                payload = {"speed_kmh": round(speed, 1), "limit_kmh": limit}
                hits.append(RuleHit(EventType.SPEEDING, rule, track, payload))
        return hits
