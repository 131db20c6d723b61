"""The per-camera pipeline: motion gate → detector (regions) → tracker → rules → events.

`process(frame)` does everything for one frame. `prepare` and `complete` split it around the detector call
so that `MultiCameraRunner` can batch one detector run across several cameras.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from typing import Any

import numpy as np

from safecity.pipeline.events import EmittedEvent
from safecity.pipeline.events import EventType
from safecity.pipeline.events import PipelineEvent
from safecity.pipeline.events import event_time
from safecity.pipeline.regions import merge_region_detections
from safecity.pipeline.regions import plan_regions
from safecity.pipeline.rules.config import SceneConfig
from safecity.pipeline.rules.engine import RuleEngine
from safecity.pipeline.rules.hits import RuleHit
from safecity.pipeline.rules.signals import ControllerFeed
from safecity.pipeline.status import PipelineMode
from safecity.pipeline.status import PipelineStatus
from safecity.video.frame import Frame
from safecity.video.frame import Image
from safecity.video.frame import PixelBox
from safecity.video.motion import MotionDetector
from safecity.video.motion import MotionResult
from safecity.vision.boxes import Box
from safecity.vision.detectors.classes import CARRIED_CLASSES
from safecity.vision.detectors.protocol import Detector
from safecity.vision.detectors.types import Detections
from safecity.vision.geometry import to_pixels
from safecity.vision.tracking import ObjectTracker
from safecity.vision.tracking import Track
from safecity.vision.tracking import TrackerSettings

log = logging.getLogger(__name__)

MOTION_LABEL = "motion"
MOTION_SCORE = 0.9
MAX_EVENT_PATH_POINTS = 50


@dataclass(frozen=True, slots=True)
class PipelineSettings:
    fps: float = 10.0  # the rate frames arrive at; sets how long a lost track is kept
    motion_gating: bool = True  # False: detect on every whole frame (the benchmark's baseline)
    max_regions: int = 2
    refresh_seconds: float = 5.0  # detect on the whole frame at least this often, motion or not
    tracker: TrackerSettings = field(default_factory=TrackerSettings)
    emit_track_events: bool = True


@dataclass(slots=True)
class PipelineStats:
    frames: int = 0
    analysed_frames: int = 0
    detector_runs: int = 0
    motion_frames: int = 0


@dataclass(frozen=True, slots=True)
class DetectionRequest:
    """One frame after the motion gate: the crops (if any) the detector should look at."""

    frame: Frame
    motion: MotionResult
    regions: list[PixelBox]
    crops: list[Image]


class CameraPipeline:
    def __init__(
        self,
        camera_id: str,
        detector: Detector | None = None,
        scene: SceneConfig | None = None,
        settings: PipelineSettings | None = None,
        no_detector_reason: str = "no detector model installed",
        signal_feed: ControllerFeed | None = None,
    ) -> None:
        self.camera_id = camera_id
        self.signal_feed = signal_feed  # live signal phases for the red-light rules; None: schedules only
        self.detector = detector
        self.scene = scene or SceneConfig()
        self.watched_classes = self.scene.watched_object_classes()
        self.settings = settings or PipelineSettings()
        self.stats = PipelineStats()
        self.tracker = ObjectTracker(self.settings.fps, self.settings.tracker)
        self.rules: RuleEngine | None = None
        self.motion: MotionDetector | None = None
        self.last_full_detection: float | None = None
        self.finished = False
        if detector is None:
            self.status = PipelineStatus(
                camera_id=camera_id,
                mode=PipelineMode.MOTION_ONLY,
                message=f"{no_detector_reason}: tracking moving objects without classes (label 'motion')",
            )
            log.warning("camera %s: %s", camera_id, self.status.message)
        else:
            self.status = PipelineStatus(
                camera_id=camera_id,
                mode=PipelineMode.DETECTOR,
                detector=detector.name,
                message=f"detecting with {detector.name}",
            )

    def run(self, frames: Iterable[Frame]) -> Iterator[EmittedEvent]:
        """Process every frame, then close the remaining tracks."""
        for frame in frames:
            yield from self.process(frame)
        yield from self.finish()

    def process(self, frame: Frame) -> list[EmittedEvent]:
        request = self.prepare(frame)
        results = self.detector.detect_batch(request.crops) if self.detector and request.crops else []
        return self.complete(request, results)

    def prepare(self, frame: Frame) -> DetectionRequest:
        self._ensure_frame_setup(frame)
        assert self.motion is not None
        self.stats.frames += 1
        motion = self.motion.detect(frame.image)
        if motion.has_motion:
            self.stats.motion_frames += 1
        if self.detector is None:
            return DetectionRequest(frame, motion, [], [])
        regions = self._regions(frame, motion)
        crops = [frame.image[y1:y2, x1:x2] for x1, y1, x2, y2 in regions]
        return DetectionRequest(frame, motion, regions, crops)

    def complete(self, request: DetectionRequest, results: list[Detections]) -> list[EmittedEvent]:
        frame = request.frame
        hits: list[RuleHit] = []
        ended: list[Track] = []
        detections = self._detections(request, results)
        if self.rules is not None:
            self.rules.see(frame.image, frame.timestamp)
        if detections is not None:
            detections = self._unwatched_carried_objects_dropped(detections)
            self.stats.analysed_frames += 1
            update = self.tracker.update(detections, frame)
            ended = update.ended
            if self.rules is not None:
                hits.extend(self.rules.observe(update.updated))
        events = self._events(hits, frame)
        events.extend(self._end_tracks(ended))
        if self.rules is not None:
            events.extend(self._events(self.rules.tick(frame.timestamp, self.tracker.active), frame))
        return events

    def finish(self) -> list[EmittedEvent]:
        """Close every open track (end of stream); safe to call more than once."""
        if self.finished:
            return []
        self.finished = True
        return self._end_tracks(self.tracker.finish())

    def summary(self) -> dict[str, Any]:
        tracks = Counter(self.tracker.ended_total)
        for track in self.tracker.active:
            tracks[track.label] += 1
        return {
            "frames": self.stats.frames,
            "analysed_frames": self.stats.analysed_frames,
            "detector_runs": self.stats.detector_runs,
            "motion_frames": self.stats.motion_frames,
            "tracks": dict(sorted(tracks.items())),
            "lines": self.rules.line_summary() if self.rules else {},
            "mode": self.status.mode.value,
        }

    def _ensure_frame_setup(self, frame: Frame) -> None:
        size = (frame.width, frame.height)
        if self.motion is not None and self.motion.frame_size == size:
            return
        if self.motion is not None:
            log.warning("camera %s: frame size changed to %s; motion background reset", self.camera_id, size)
        mask = [
            to_pixels(polygon, frame.width, frame.height, self.scene.units)
            for polygon in self.scene.motion_mask
        ]
        self.motion = MotionDetector(size, self.scene.motion, mask)
        if self.rules is None:
            self.rules = RuleEngine(self.scene, frame.width, frame.height, self.signal_feed)

    def _regions(self, frame: Frame, motion: MotionResult) -> list[PixelBox]:
        whole: PixelBox = (0, 0, frame.width, frame.height)
        due = (
            self.last_full_detection is None
            or frame.timestamp - self.last_full_detection >= self.settings.refresh_seconds
        )
        if not self.settings.motion_gating or motion.calibrating or due:
            self.last_full_detection = frame.timestamp
            return [whole]
        if not motion.has_motion:
            return []
        assert self.detector is not None
        boxes = list(motion.boxes) + [_int_box(track.box) for track in self.tracker.active]
        regions = plan_regions(
            boxes, (frame.width, frame.height), max(self.detector.input_size), self.settings.max_regions
        )
        if regions == [whole]:
            self.last_full_detection = frame.timestamp
        return regions

    def _detections(self, request: DetectionRequest, results: list[Detections]) -> Detections | None:
        if self.detector is None:
            if not request.motion.has_motion:
                return None
            boxes = np.array(request.motion.boxes, np.float32).reshape(-1, 4)
            count = len(boxes)
            return Detections(boxes, np.full(count, MOTION_SCORE, np.float32), (MOTION_LABEL,) * count)
        if not request.regions:
            return None
        if len(results) != len(request.regions):
            raise ValueError(f"expected {len(request.regions)} detection results, got {len(results)}")
        self.stats.detector_runs += len(results)
        if len(results) == 1 and request.regions[0][:2] == (0, 0):
            return results[0]  # the whole frame (or a region at the origin): nothing to shift or merge
        parts = [found.offset(x1, y1) for found, (x1, y1, _, _) in zip(results, request.regions, strict=True)]
        return merge_region_detections(parts)

    def _unwatched_carried_objects_dropped(self, detections: Detections) -> Detections:
        """Bags are detected for the abandoned/removed object rules only: a scene without them keeps
        tracking, counting and reporting the street classes it always did."""
        dropped = set(CARRIED_CLASSES) - self.watched_classes
        if not dropped or not any(label in dropped for label in detections.labels):
            return detections
        return detections.select([i for i, label in enumerate(detections.labels) if label not in dropped])

    def _events(self, hits: list[RuleHit], frame: Frame) -> list[EmittedEvent]:
        judged = self.rules.judged(hits, frame.timestamp) if self.rules else hits
        return [EmittedEvent(self._event(hit, frame.timestamp), frame.image) for hit in judged]

    def _event(self, hit: RuleHit, timestamp: float) -> PipelineEvent:
        track = hit.track
        payload = dict(hit.payload)
        if track is not None:
            payload.setdefault("box", [round(value, 1) for value in track.box])
        return PipelineEvent(
            camera_id=self.camera_id,
            time=event_time(timestamp),
            type=hit.type,
            rule=hit.rule,
            track_id=track.track_id if track else None,
            object_class=track.label if track else None,
            payload=payload,
        )

    def _end_tracks(self, ended: list[Track]) -> list[EmittedEvent]:
        events: list[EmittedEvent] = []
        for track in ended:
            hits = self.rules.judged(self.rules.track_ended(track), track.last_seen) if self.rules else []
            events.extend(
                EmittedEvent(self._event(hit, track.last_seen), track.best_snapshot) for hit in hits
            )
            max_speed = self.rules.pop_max_speed(track.track_id) if self.rules else None
            if self.settings.emit_track_events:
                events.append(EmittedEvent(self._track_event(track, max_speed), track.best_snapshot))
        return events

    def _track_event(self, track: Track, max_speed: float | None) -> PipelineEvent:
        step = max(1, len(track.path) // MAX_EVENT_PATH_POINTS)
        payload: dict[str, Any] = {
            "first_seen": event_time(track.first_seen).isoformat(),
            "last_seen": event_time(track.last_seen).isoformat(),
            "duration_seconds": round(track.duration, 3),
            "path": [
                [round(t - track.first_seen, 2), round(x, 1), round(y, 1)] for t, x, y in track.path[::step]
            ],
            "box": [round(value, 1) for value in track.box],
        }
        if max_speed is not None:
            payload["max_speed_kmh"] = round(max_speed, 1)
        return PipelineEvent(
            camera_id=self.camera_id,
            time=event_time(track.last_seen),
            type=EventType.TRACK_ENDED,
            track_id=track.track_id,
            object_class=track.label,
            payload=payload,
        )


def _int_box(box: Box) -> PixelBox:
    return int(box[0]), int(box[1]), int(box[2]) + 1, int(box[3]) + 1
