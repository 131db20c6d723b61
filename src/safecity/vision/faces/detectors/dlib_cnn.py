"""dlib's MMOD CNN face detector: finds harder (turned, dark) faces than HOG; ~1 s per image on a core."""

from __future__ import annotations

import cv2

from safecity.video.frame import Image
from safecity.vision.faces import dlib_models
from safecity.vision.faces.detection import Detection, downscale_for_detection
from safecity.vision.faces.geometry import Box


class DlibCnnDetector:
    """Runs on a copy whose long side is at most `max_side`; faces below about 80 px there are missed."""

    name = "dlib-cnn"

    def __init__(self, *, max_side: int = 800, upsample: int = 0, min_score: float = 0.3) -> None:
        self.max_side = max_side
        self.upsample = upsample
        self.min_score = min_score

    def detect(self, image: Image) -> list[Detection]:
        small, back = downscale_for_detection(image, self.max_side)
        rgb = cv2.cvtColor(small, cv2.COLOR_BGR2RGB)
        found = dlib_models.cnn_detector()(rgb, self.upsample)
        detections = []
        for item in found:
            r = item.rect
            box = Box(r.left(), r.top(), r.right() + 1, r.bottom() + 1).scaled(back)
            detections.append(Detection(box, float(item.confidence), self.name, self.min_score))
        return detections
