"""Which frame of a vehicle track to read: the largest, sharpest, most frontal view, once it stops improving.

Reading every frame of every vehicle costs the OCR models each time; a track is instead read at its peak
view (quality has not improved for `patience` frames), again only when a later view is clearly better
(`regain` times the last read's quality), at most `max_reads` times, and once more when it ends unread.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2

from safecity.video.frame import Image
from safecity.video.frame import PixelBox
from safecity.vision.plates.voting import TrackId

_SHARPNESS_WIDTH = 64  # the vehicle's lower part is measured at this width: cheap and scale-free
_SHARP_ENOUGH = 150.0  # Laplacian variance of a crisp view at that width; sharper views score no higher
_FRONTAL_ASPECT = 1.6  # width / height of a vehicle seen from the front or back; wider boxes are side views


def view_quality(image: Image, box: PixelBox) -> float:
    """Larger, sharper and more frontal views score higher (0 for an empty box)."""
    x1, y1, x2, y2 = box
    height, width = image.shape[:2]
    x1, x2, y1, y2 = max(0, x1), min(width, x2), max(0, y1), min(height, y2)
    if x2 - x1 < 2 or y2 - y1 < 2:
        return 0.0
    lower = image[(y1 + y2) // 2 : y2, x1:x2]
    scale = _SHARPNESS_WIDTH / lower.shape[1]
    small = cv2.resize(
        lower, (_SHARPNESS_WIDTH, max(2, round(lower.shape[0] * scale))), interpolation=cv2.INTER_AREA
    )
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    sharpness = min(1.0, float(cv2.Laplacian(grey, cv2.CV_32F).var()) / _SHARP_ENOUGH)
    aspect = (x2 - x1) / (y2 - y1)
    frontal = min(1.0, _FRONTAL_ASPECT / aspect)
    return math.sqrt((x2 - x1) * (y2 - y1)) * (0.25 + 0.75 * sharpness) * frontal


@dataclass(slots=True)
class View:
    """A track's best unread view: the frame (a reference, not a copy), the box and when it was seen."""

    quality: float
    image: Image
    box: PixelBox
    timestamp: float
    unimproved: int = 0


@dataclass(slots=True)
class _TrackViews:
    pending: View | None = None
    last_read_quality: float = 0.0
    reads: int = 0
    last_seen: float = 0.0


class BestViews:
    """Per-track choice of the views worth reading, for one camera."""

    def __init__(self, patience: int = 3, regain: float = 1.25, max_reads: int = 3) -> None:
        if patience < 0 or max_reads < 1 or regain < 1:
            raise ValueError("patience must be >= 0, max_reads >= 1 and regain >= 1")
        self.patience = patience
        self.regain = regain
        self.max_reads = max_reads
        self._tracks: dict[TrackId, _TrackViews] = {}

    def offer(self, track_id: TrackId, image: Image, box: PixelBox, timestamp: float) -> None:
        """This frame's view of the track; it replaces the pending view when better."""
        track = self._tracks.setdefault(track_id, _TrackViews())
        track.last_seen = timestamp
        if track.reads >= self.max_reads:
            return
        quality = view_quality(image, box)
        if track.pending is not None and quality <= track.pending.quality:
            track.pending.unimproved += 1
            return
        if quality <= (track.last_read_quality * self.regain if track.reads else 0.0):
            return
        track.pending = View(quality, image, box, timestamp)

    def ready(self) -> list[tuple[TrackId, View]]:
        """Views at their peak (no better one for `patience` frames), best first; `taken` marks one read."""
        peaks = [
            (track_id, track.pending)
            for track_id, track in self._tracks.items()
            if track.pending is not None and track.pending.unimproved >= self.patience
        ]
        return sorted(peaks, key=lambda item: -item[1].quality)

    def taken(self, track_id: TrackId) -> None:
        track = self._tracks.get(track_id)
        if track is not None and track.pending is not None:
            track.last_read_quality = track.pending.quality
            track.reads += 1
            track.pending = None

    def last_view(self, track_id: TrackId) -> View | None:
        """Forget the track and return its unread pending view (better than any read so far), if any."""
        track = self._tracks.pop(track_id, None)
        if track is None or track.pending is None:
            return None
        return track.pending

    def idle(self, now: float, idle_seconds: float) -> list[TrackId]:
        return [track_id for track_id, track in self._tracks.items() if now - track.last_seen >= idle_seconds]

    def __len__(self) -> int:
        return len(self._tracks)
