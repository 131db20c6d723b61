"""Red-light rule: a vehicle crosses a signal's stop line into the junction while the signal shows red.

The phase is taken at the moment of crossing: read from the signal's lamps in the picture when the scene
places them (`lamps`), else from the controller feed, else from the fixed-time schedule. With a
`junction` polygon configured the vehicle must also reach the junction box afterwards, so one that stops
just over the line is not reported. One report per track and signal.
"""

from __future__ import annotations

from safecity.pipeline.events import EventType
from safecity.pipeline.rules.hits import RuleHit
from safecity.pipeline.rules.scene_rule import SceneRule
from safecity.pipeline.rules.signal_lamps import LampReader
from safecity.pipeline.rules.signals import ControllerFeed
from safecity.pipeline.rules.signals import PhaseReading
from safecity.pipeline.rules.signals import phase_at
from safecity.pipeline.rules.traffic_config import SignalConfig
from safecity.pipeline.rules.traffic_config import SignalPhase
from safecity.video.frame import Image
from safecity.vision.geometry import Point
from safecity.vision.geometry import Polygon
from safecity.vision.line_crossing import LineCrossings
from safecity.vision.tracking import Track


class RedLightRule(SceneRule[SignalConfig]):
    def __init__(
        self,
        config: SignalConfig,
        start: Point,
        end: Point,
        junction: list[Point] | None = None,
        feed: ControllerFeed | None = None,
        lamps: LampReader | None = None,
    ) -> None:
        super().__init__(config)
        self.crossings = LineCrossings(start, end)
        self.junction = Polygon(junction) if junction else None
        self.lamps = lamps
        # With lamps, the phases this camera saw are its feed (one signal, one camera: not the worker's).
        self.feed = ControllerFeed() if lamps is not None else feed
        self._seen: SignalPhase | None = None
        self.pending: dict[
            int, tuple[PhaseReading, float, float]
        ] = {}  # track → phase, crossed at, seconds in
        self.reported: set[int] = set()

    def see(self, image: Image, timestamp: float) -> None:
        """Read the lamps in this picture (every frame, before `observe`); a change of phase is recorded."""
        if self.lamps is None or self.feed is None:
            return
        phase = self.lamps.read(image)
        if phase is not None and phase is not self._seen:
            self._seen = phase
            self.feed.update(self.name, phase, timestamp, source="camera")

    def observe(self, tracks: list[Track], speeds: dict[int, float]) -> list[RuleHit]:
        hits: list[RuleHit] = []
        for track in tracks:
            if track.label not in self.config.classes or track.track_id in self.reported:
                continue
            self._check_crossing(track)
            pending = self.pending.get(track.track_id)
            if pending is None:
                continue
            if self.junction is not None and not self.junction.contains(track.anchor):
                continue
            del self.pending[track.track_id]
            self.reported.add(track.track_id)
            hits.append(self._hit(track, *pending, speeds.get(track.track_id)))
        return hits

    def track_ended(self, track: Track) -> None:
        self.crossings.forget(track.track_id)
        self.pending.pop(track.track_id, None)
        self.reported.discard(track.track_id)

    def _check_crossing(self, track: Track) -> None:
        if self.crossings.observe(track.track_id, track.anchor) != self.config.direction:
            return
        crossed_at = track.last_seen
        reading = phase_at(self.name, self.config.schedule, crossed_at, self.feed)
        if reading is None or reading.phase is not SignalPhase.RED:
            return
        seconds_into_red = crossed_at - reading.since
        if seconds_into_red < self.config.red_grace_seconds:
            return
        self.pending[track.track_id] = (reading, crossed_at, seconds_into_red)

    def _hit(
        self, track: Track, reading: PhaseReading, crossed_at: float, seconds_in: float, speed: float | None
    ) -> RuleHit:
        payload: dict[str, object] = {
            "signal": self.name,
            "signal_phase": reading.phase.value,
            "phase_source": reading.source,
            "crossed_at": crossed_at,
            "direction": self.config.direction,
        }
        if seconds_in != float("inf"):
            payload["seconds_into_red"] = round(seconds_in, 2)
        if speed is not None:
            payload["speed_kmh"] = round(speed, 1)
        return RuleHit(EventType.RED_LIGHT, self.name, track, payload)
