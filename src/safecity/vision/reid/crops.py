"""Which crops of a person track to embed: the largest whole views, spread over the track."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

import numpy as np

from safecity.vision.boxes import Box

EDGE_MARGIN = 2  # pixels: a box this close to the frame edge is taken as cut off


def crop_score(box: Box, frame_size: tuple[int, int]) -> float:
    """Higher for bigger, whole person boxes: the area, halved when the frame edge cuts the box, and zero
    for boxes too wide to be one standing person (groups, bad detections)."""
    width, height = frame_size
    if box.width <= 0 or box.height <= 0 or box.width > box.height * 1.2:
        return 0.0
    cut = (
        box.x1 <= EDGE_MARGIN
        or box.y1 <= EDGE_MARGIN
        or box.x2 >= width - EDGE_MARGIN
        or box.y2 >= height - EDGE_MARGIN
    )
    return float(box.area) * (0.5 if cut else 1.0)


@dataclass(frozen=True, slots=True)
class CropCandidate:
    score: float
    timestamp: float
    box: Box
    pixels: np.ndarray


@dataclass(slots=True)
class TrackCrops:
    """The `keep` best-scoring crops of one track, at least `min_gap` seconds apart (different poses)."""

    keep: int = 3
    min_gap: float = 0.5
    crops: list[CropCandidate] = field(default_factory=list)

    def offer(self, candidate: CropCandidate) -> None:
        if candidate.score <= 0:
            return
        close = [c for c in self.crops if abs(c.timestamp - candidate.timestamp) < self.min_gap]
        if close and all(c.score >= candidate.score for c in close):
            return
        kept = [c for c in self.crops if c not in close] + [candidate]
        self.crops = sorted(kept, key=lambda c: c.score, reverse=True)[: self.keep]

    @property
    def best(self) -> CropCandidate | None:
        return self.crops[0] if self.crops else None
