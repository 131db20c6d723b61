"""Per-vehicle voting: many reads of one tracked vehicle become one plate read per pass."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

from safecity.video.frame import Image
from safecity.video.frame import PixelBox
from safecity.vision.plates.reader import PlateRead

TrackId = int | str

_MATCHED_WEIGHT = 1.0
_UNMATCHED_WEIGHT = 0.5  # a read that fits no format counts half: it is more often a misread
_STILL_PIXELS = 4.0


@dataclass(frozen=True, slots=True)
class VehiclePass:
    """The plate of one vehicle's pass in front of one camera.

    `confidence` is the winning text's share of the weighted votes times its best read's confidence, so
    disagreement between frames lowers it. `direction` is the dominant image motion of the plate box ("up",
    "down", "left", "right" or "still"). `matched` is False when the winning text fits no known format.
    """

    camera_id: str
    track_id: TrackId
    text: str
    series: str | None
    year: str | None
    number: str | None
    format: str | None
    matched: bool
    confidence: float
    reads: int
    agreeing_reads: int
    first_seen: float
    last_seen: float
    best_read: PlateRead
    best_timestamp: float
    best_crop: Image | None
    direction: str
    alternatives: tuple[tuple[str, float], ...] = ()

    @property
    def key(self) -> str:
        return self.best_read.key


@dataclass(slots=True)
class _Observation:
    read: PlateRead
    timestamp: float
    crop: Image | None


@dataclass(slots=True)
class _Track:
    observations: list[_Observation] = field(default_factory=list)

    @property
    def last_seen(self) -> float:
        return self.observations[-1].timestamp


def _weight(read: PlateRead) -> float:
    return read.confidence * (_MATCHED_WEIGHT if read.matched else _UNMATCHED_WEIGHT)


def motion_direction(first: PixelBox, last: PixelBox) -> str:
    """The dominant image motion between two boxes: up, down, left, right or still."""
    dx = (last[0] + last[2] - first[0] - first[2]) / 2
    dy = (last[1] + last[3] - first[1] - first[3]) / 2
    if max(abs(dx), abs(dy)) < _STILL_PIXELS:
        return "still"
    if abs(dy) >= abs(dx):
        return "down" if dy > 0 else "up"
    return "right" if dx > 0 else "left"


class PlateVoter:
    """Collects reads per track for one camera and emits one VehiclePass per track.

    Call `add` for every read of a tracked vehicle; call `finish(track_id)` when the tracker drops the
    track, or `flush_idle(now)` to close tracks not seen for `idle_seconds`. One voter per camera worker.
    """

    def __init__(self, camera_id: str, idle_seconds: float = 2.0, keep_crops: bool = True) -> None:
        if idle_seconds <= 0:
            raise ValueError(f"idle_seconds must be > 0, got {idle_seconds}")
        self.camera_id = camera_id
        self.idle_seconds = idle_seconds
        self.keep_crops = keep_crops
        self._tracks: dict[TrackId, _Track] = {}

    @property
    def open_tracks(self) -> int:
        return len(self._tracks)

    def add(self, track_id: TrackId, read: PlateRead, timestamp: float, crop: Image | None = None) -> None:
        if not read.text:
            return
        track = self._tracks.setdefault(track_id, _Track())
        track.observations.append(_Observation(read, timestamp, crop if self.keep_crops else None))

    def finish(self, track_id: TrackId) -> VehiclePass | None:
        track = self._tracks.pop(track_id, None)
        return self._vote(track_id, track) if track else None

    def flush_idle(self, now: float) -> list[VehiclePass]:
        idle = [tid for tid, track in self._tracks.items() if now - track.last_seen >= self.idle_seconds]
        return [p for tid in idle if (p := self.finish(tid)) is not None]

    def finish_all(self) -> list[VehiclePass]:
        return [p for tid in list(self._tracks) if (p := self.finish(tid)) is not None]

    def _vote(self, track_id: TrackId, track: _Track) -> VehiclePass:
        observations = track.observations
        scores: dict[str, float] = {}
        for observation in observations:
            scores[observation.read.key] = scores.get(observation.read.key, 0.0) + _weight(observation.read)
        total = sum(scores.values())
        ranked = sorted(scores.items(), key=lambda item: -item[1])  # stable: ties go to the key read first
        winner, winner_score = ranked[0]
        agreeing = [o for o in observations if o.read.key == winner]
        best = max(agreeing, key=lambda o: (o.read.matched, o.read.confidence))
        years: dict[str, float] = {}
        for observation in agreeing:
            if observation.read.year is not None:
                years[observation.read.year] = (
                    years.get(observation.read.year, 0.0) + observation.read.confidence
                )
        year = max(years, key=lambda y: years[y]) if years else None
        read = best.read
        text = read.text
        if read.year != year and read.series is not None and read.number is not None:
            text = "-".join(part for part in (read.series, year, read.number) if part)
        share = winner_score / total if total > 0 else 0.0
        alternatives = tuple(
            (key, round(score / total, 4)) for key, score in ranked if key != winner and total > 0
        )
        return VehiclePass(
            camera_id=self.camera_id,
            track_id=track_id,
            text=text,
            series=read.series,
            year=year,
            number=read.number,
            format=read.format,
            matched=read.matched,
            confidence=share * read.confidence,
            reads=len(observations),
            agreeing_reads=len(agreeing),
            first_seen=observations[0].timestamp,
            last_seen=observations[-1].timestamp,
            best_read=read,
            best_timestamp=best.timestamp,
            best_crop=best.crop,
            direction=motion_direction(observations[0].read.box, observations[-1].read.box),
            alternatives=alternatives,
        )
