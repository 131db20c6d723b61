"""What dlib's two face detectors share: a downscaled RGB copy in, dlib rectangles back to image boxes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import cv2
import numpy as np

from safecity.video.frame import Image
from safecity.vision.boxes import Box
from safecity.vision.faces.detection import Detection
from safecity.vision.faces.detection import downscale_for_detection


class DlibDetector:
    """Runs on a copy whose long side is at most `max_side`, upsampled `upsample` times (each doubles)."""

    name = "dlib"

    def __init__(self, *, max_side: int, upsample: int, min_score: float) -> None:
        self.max_side = max_side
        self.upsample = upsample
        self.min_score = min_score

    def detect(self, image: Image) -> list[Detection]:
        small, back = downscale_for_detection(image, self.max_side)
        rgb = cv2.cvtColor(small, cv2.COLOR_BGR2RGB)
        return [
            Detection(
                Box(rect.left(), rect.top(), rect.right() + 1, rect.bottom() + 1).scaled(back),
                score,
                self.name,
                self.min_score,
            )
            for rect, score in self._faces(rgb)
        ]

    def _faces(self, rgb: np.ndarray) -> Iterable[tuple[Any, float]]:
        """dlib rectangles (inclusive corners) and scores of the faces in `rgb`."""
        raise NotImplementedError
