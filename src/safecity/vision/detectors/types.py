"""Detections: the boxes a detector (or the motion fallback) found in one image."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Detections:
    """N boxes in image pixels: `boxes` (N, 4) x1, y1, x2, y2; `scores` (N,); `labels` names per box."""

    boxes: FloatArray
    scores: FloatArray
    labels: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.boxes.ndim != 2 or self.boxes.shape[1] != 4:
            raise ValueError(f"boxes must have shape (N, 4), got {self.boxes.shape}")
        if not len(self.boxes) == len(self.scores) == len(self.labels):
            raise ValueError(
                f"boxes, scores and labels differ in length: {len(self.boxes)}, {len(self.scores)}, "
                f"{len(self.labels)}"
            )

    def __len__(self) -> int:
        return len(self.labels)

    @classmethod
    def empty(cls) -> Detections:
        return cls(np.zeros((0, 4), np.float32), np.zeros(0, np.float32), ())

    @classmethod
    def concatenate(cls, parts: list[Detections]) -> Detections:
        parts = [part for part in parts if len(part)]
        if not parts:
            return cls.empty()
        return cls(
            np.concatenate([part.boxes for part in parts]).astype(np.float32),
            np.concatenate([part.scores for part in parts]).astype(np.float32),
            tuple(label for part in parts for label in part.labels),
        )

    def select(self, indices: npt.NDArray[np.intp] | list[int]) -> Detections:
        index = np.asarray(indices, dtype=np.intp)
        return Detections(self.boxes[index], self.scores[index], tuple(self.labels[i] for i in index))

    def offset(self, dx: float, dy: float) -> Detections:
        """The same boxes shifted by (dx, dy): maps boxes found in a crop back to the full frame."""
        shift = np.array([dx, dy, dx, dy], np.float32)
        return Detections(self.boxes + shift, self.scores, self.labels)
