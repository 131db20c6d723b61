"""Multi-object tracking per camera: ByteTrack (Roboflow `trackers`) plus per-track history.

Each camera has its own `ObjectTracker`, so track ids are stable within a camera. A track keeps its class (a
majority vote over its detections), first/last seen times, the path of its ground point and the best snapshot.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from dataclasses import field

import numpy as np
import supervision as sv
from trackers import BIoU
from trackers import ByteTrackTracker

from safecity.video.frame import Frame
from safecity.video.frame import Image
from safecity.vision.boxes import Box
from safecity.vision.detectors.types import Detections

PathPoint = tuple[float, float, float]  # time (epoch seconds), x, y of the box's bottom centre


@dataclass(slots=True)
class Track:
    track_id: int
    first_seen: float
    last_seen: float
    box: Box
    score: float
    path: list[PathPoint] = field(default_factory=list)
    label_votes: Counter[str] = field(default_factory=Counter)
    best_snapshot: Image | None = None
    best_snapshot_quality: float = -1.0
    best_snapshot_time: float | None = None

    @property
    def label(self) -> str:
        return self.label_votes.most_common(1)[0][0] if self.label_votes else "object"

    @property
    def anchor(self) -> tuple[float, float]:
        """The ground point (bottom centre of the box): what zones and lines are tested against."""
        x1, _, x2, y2 = self.box
        return (x1 + x2) / 2, y2

    @property
    def duration(self) -> float:
        return self.last_seen - self.first_seen


@dataclass(frozen=True, slots=True)
class TrackerSettings:
    lost_seconds: float = 2.0
    activation_threshold: float = 0.45
    high_confidence_threshold: float = 0.5
    minimum_iou: float = 0.1
    # Boxes are widened by this share of their size before IoU matching (buffered IoU, as in C-BIoU), so a
    # car that moves more than its own length between two frames at 5 fps still matches its track.
    box_buffer: float = 0.5
    confirm_frames: int = 2
    max_path_points: int = 1000
    snapshot_padding: float = 0.15


@dataclass(frozen=True, slots=True)
class TrackUpdate:
    updated: list[Track]
    ended: list[Track]


class ObjectTracker:
    """Tracks one camera's detections. Call `update` only on analysed frames; the clock is the frame count,
    so a scene without motion (no update calls) freezes the tracks instead of expiring them."""

    def __init__(self, fps: float, settings: TrackerSettings | None = None) -> None:
        if fps <= 0:
            raise ValueError(f"tracker fps must be positive, got {fps}")
        self.settings = settings or TrackerSettings()
        self.byte_track = ByteTrackTracker(
            lost_track_buffer=max(1, round(self.settings.lost_seconds * 30)),
            frame_rate=fps,
            track_activation_threshold=self.settings.activation_threshold,
            minimum_consecutive_frames=self.settings.confirm_frames,
            minimum_iou_threshold=self.settings.minimum_iou,
            high_conf_det_threshold=self.settings.high_confidence_threshold,
            iou=BIoU(buffer_ratio=self.settings.box_buffer),
        )
        self.tracks: dict[int, Track] = {}
        self.ended_total: dict[str, int] = Counter()
        self._label_ids: dict[str, int] = {}
        self._labels: list[str] = []  # class id given to ByteTrack → label

    @property
    def active(self) -> list[Track]:
        return list(self.tracks.values())

    def update(self, detections: Detections, frame: Frame) -> TrackUpdate:
        class_ids = np.fromiter((self._label_id(label) for label in detections.labels), int, len(detections))
        tracked = self.byte_track.update(
            sv.Detections(
                xyxy=detections.boxes.astype(np.float32).reshape(-1, 4),
                confidence=detections.scores.astype(np.float32),
                class_id=class_ids,
            )
        )
        updated: list[Track] = []
        if tracked.tracker_id is not None and len(tracked):
            # Python numbers once per frame, not a numpy scalar per value: this runs on every analysed frame.
            for box, score, class_id, track_id in zip(
                tracked.xyxy.tolist(),
                _confidences(tracked).tolist(),
                _class_ids(tracked).tolist(),
                tracked.tracker_id.tolist(),
                strict=True,
            ):
                if track_id >= 0:
                    updated.append(self._observe(track_id, box, score, self._labels[class_id], frame))
        alive = {tracklet.tracker_id for tracklet in self.byte_track.tracks}
        ended = [self._end(track_id) for track_id in list(self.tracks) if track_id not in alive]
        return TrackUpdate(updated, ended)

    def finish(self) -> list[Track]:
        """End every open track (the stream stopped)."""
        return [self._end(track_id) for track_id in list(self.tracks)]

    def _end(self, track_id: int) -> Track:
        track = self.tracks.pop(track_id)
        self.ended_total[track.label] += 1
        return track

    def _label_id(self, label: str) -> int:
        index = self._label_ids.get(label)
        if index is None:
            index = self._label_ids[label] = len(self._labels)
            self._labels.append(label)
        return index

    def _observe(self, track_id: int, box: list[float], score: float, label: str, frame: Frame) -> Track:
        x1, y1, x2, y2 = box
        track = self.tracks.get(track_id)
        if track is None:
            track = Track(track_id, frame.timestamp, frame.timestamp, Box(x1, y1, x2, y2), score)
            self.tracks[track_id] = track
        else:
            track.box = Box(x1, y1, x2, y2)
            track.score = score
        track.last_seen = frame.timestamp
        track.label_votes[label] += 1
        track.path.append((frame.timestamp, (x1 + x2) / 2, y2))
        if len(track.path) > self.settings.max_path_points:
            del track.path[::2]  # thin the history instead of dropping its start
        self._consider_snapshot(track, frame)
        return track

    def _consider_snapshot(self, track: Track, frame: Frame) -> None:
        x1, y1, x2, y2 = track.box
        area = max(0.0, x2 - x1) * max(0.0, y2 - y1)
        touches_edge = x1 <= 1 or y1 <= 1 or x2 >= frame.width - 1 or y2 >= frame.height - 1
        quality = track.score * math.sqrt(area) * (0.5 if touches_edge else 1.0)
        if quality <= track.best_snapshot_quality:
            return
        pad_x = (x2 - x1) * self.settings.snapshot_padding
        pad_y = (y2 - y1) * self.settings.snapshot_padding
        left, top = max(0, int(x1 - pad_x)), max(0, int(y1 - pad_y))
        right, bottom = min(frame.width, int(x2 + pad_x) + 1), min(frame.height, int(y2 + pad_y) + 1)
        if right <= left or bottom <= top:
            return
        track.best_snapshot = frame.image[top:bottom, left:right].copy()
        track.best_snapshot_quality = float(quality)
        track.best_snapshot_time = frame.timestamp


def _confidences(tracked: sv.Detections) -> np.ndarray:
    return tracked.confidence if tracked.confidence is not None else np.ones(len(tracked), np.float32)


def _class_ids(tracked: sv.Detections) -> np.ndarray:
    return tracked.class_id if tracked.class_id is not None else np.zeros(len(tracked), int)
