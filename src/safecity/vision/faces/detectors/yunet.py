"""YuNet (OpenCV Zoo) through cv2.FaceDetectorYN: fast, finds small and turned faces, gives 5 keypoints."""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import numpy as np

from safecity.video.frame import Image
from safecity.vision.boxes import Box
from safecity.vision.faces.detection import Detection
from safecity.vision.faces.detection import downscale_for_detection
from safecity.vision.faces.errors import ModelFileError
from safecity.vision.faces.errors import existing_model_file


class YuNetDetector:
    """YuNet scores drop on faces that fill a large image, so frames are shrunk to `max_side` (640) first."""

    name = "yunet"

    def __init__(
        self,
        model_path: str | Path,
        *,
        max_side: int = 640,
        detect_threshold: float = 0.6,
        min_score: float = 0.8,
        nms_threshold: float = 0.3,
    ) -> None:
        self.model_path = existing_model_file(model_path, "YuNet model")
        self.max_side = max_side
        self.detect_threshold = detect_threshold
        self.nms_threshold = nms_threshold
        self.min_score = min_score
        self._net: cv2.FaceDetectorYN | None = None
        self._lock = threading.Lock()

    def _detector(self) -> cv2.FaceDetectorYN:
        if self._net is None:
            try:
                self._net = cv2.FaceDetectorYN.create(
                    str(self.model_path), "", (320, 320), self.detect_threshold, self.nms_threshold, 5000
                )
            except cv2.error as error:
                raise ModelFileError(f"cannot load YuNet model {self.model_path}: {error}") from error
        return self._net

    def detect(self, image: Image) -> list[Detection]:
        small, back = downscale_for_detection(image, self.max_side)
        # FaceDetectorYN keeps the input size as state, so one call at a time per detector.
        with self._lock:
            net = self._detector()
            net.setInputSize((small.shape[1], small.shape[0]))
            _, rows = net.detect(small)
        if rows is None:
            return []
        return [self._to_detection(row, back) for row in rows]

    def _to_detection(self, row: np.ndarray, back: float) -> Detection:
        x, y, w, h = (float(v) * back for v in row[:4])
        keypoints = (row[4:14].reshape(5, 2) * back).astype(np.float32)
        return Detection(_dlib_like_box(x, y, w, h), float(row[14]), self.name, self.min_score, keypoints)


def _dlib_like_box(x: float, y: float, w: float, h: float) -> Box:
    # YuNet boxes are taller than dlib's (forehead included). dlib's landmark model expects a square box about
    # as wide as the YuNet box and centred a little lower; this gives landmarks within a few pixels of HOG's.
    cx, cy = x + w / 2, y + h / 2 + 0.1 * h
    return Box(cx - w / 2, cy - w / 2, cx + w / 2, cy + w / 2)
