"""dlib's MMOD CNN face detector: finds harder (turned, dark) faces than HOG; ~1 s per image on a core."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from safecity.vision.faces import dlib_models
from safecity.vision.faces.detectors.dlib_base import DlibDetector


class DlibCnnDetector(DlibDetector):
    """Faces below about 80 px in the downscaled copy are missed."""

    name = "dlib-cnn"

    def __init__(self, *, max_side: int = 800, upsample: int = 0, min_score: float = 0.3) -> None:
        super().__init__(max_side=max_side, upsample=upsample, min_score=min_score)

    def _faces(self, rgb: np.ndarray) -> Iterable[tuple[Any, float]]:
        return [
            (item.rect, float(item.confidence)) for item in dlib_models.cnn_detector()(rgb, self.upsample)
        ]
