"""dlib's HOG frontal face detector: fast on CPU, frontal faces of about 40 px and up after upsampling."""

from __future__ import annotations

import cv2

from safecity.video.frame import Image
from safecity.vision.faces import dlib_models
from safecity.vision.faces.detection import Detection, downscale_for_detection
from safecity.vision.faces.geometry import Box


class DlibHogDetector:
    """Runs on a copy whose long side is at most `max_side`, upsampled `upsample` times (each doubles)."""

    name = "dlib-hog"

    def __init__(self, *, max_side: int = 1024, upsample: int = 1, min_score: float = 0.3) -> None:
        self.max_side = max_side
        self.upsample = upsample
        self.min_score = min_score

    def detect(self, image: Image) -> list[Detection]:
        small, back = downscale_for_detection(image, self.max_side)
        rgb = cv2.cvtColor(small, cv2.COLOR_BGR2RGB)
        rects, scores, _ = dlib_models.hog_detector().run(rgb, self.upsample, 0.0)
        return [
            Detection(
                Box(r.left(), r.top(), r.right() + 1, r.bottom() + 1).scaled(back),
                float(s),
                self.name,
                self.min_score,
            )
            for r, s in zip(rects, scores, strict=True)
        ]
