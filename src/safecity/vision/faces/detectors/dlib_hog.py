"""dlib's HOG frontal face detector: fast on CPU, frontal faces of about 40 px and up after upsampling."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from safecity.vision.faces import dlib_models
from safecity.vision.faces.detectors.dlib_base import DlibDetector


class DlibHogDetector(DlibDetector):
    name = "dlib-hog"

    def __init__(self, *, max_side: int = 1024, upsample: int = 1, min_score: float = 0.3) -> None:
        super().__init__(max_side=max_side, upsample=upsample, min_score=min_score)

    def _faces(self, rgb: np.ndarray) -> Iterable[tuple[Any, float]]:
        rects, scores, _ = dlib_models.hog_detector().run(rgb, self.upsample, 0.0)
        return [(rect, float(score)) for rect, score in zip(rects, scores, strict=True)]
