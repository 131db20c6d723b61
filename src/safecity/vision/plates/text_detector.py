"""PP-OCRv4 text detection (DB): where text is in an image, as TextBoxes."""

from __future__ import annotations

import cv2
import numpy as np
import onnxruntime as ort
from rapidocr_onnxruntime.ch_ppocr_det.utils import DBPostProcess

from safecity.video.frame import Image
from safecity.vision.plates.text_boxes import TextBox
from safecity.vision.plates.text_boxes import order_corners

_STRIDE = 32


class TextDetector:
    """Runs the detector on an image resized so its long side is `long_side` (rounded to the stride)."""

    def __init__(self, session: ort.InferenceSession, box_threshold: float = 0.5) -> None:
        self._session = session
        self._input = session.get_inputs()[0].name
        self._postprocess = DBPostProcess(
            thresh=0.3, box_thresh=box_threshold, max_candidates=500, unclip_ratio=1.6, use_dilation=True
        )

    @staticmethod
    def model_input(image: Image, long_side: int) -> np.ndarray:
        height, width = image.shape[:2]
        scale = long_side / max(height, width)
        new_h = max(_STRIDE, round(height * scale / _STRIDE) * _STRIDE)
        new_w = max(_STRIDE, round(width * scale / _STRIDE) * _STRIDE)
        resized = cv2.resize(image, (new_w, new_h), interpolation=cv2.INTER_LINEAR)
        # (pixel - 127.5) / 127.5, channels first, in one pass
        return np.asarray(cv2.dnn.blobFromImage(resized, 1 / 127.5, mean=(127.5, 127.5, 127.5)), np.float32)

    def run_model(self, blob: np.ndarray) -> np.ndarray:
        return np.asarray(self._session.run(None, {self._input: blob})[0])

    def detect(self, image: Image, long_side: int) -> list[TextBox]:
        if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
            raise ValueError(f"expected a BGR uint8 image (H, W, 3), got {image.dtype} {image.shape}")
        height, width = image.shape[:2]
        probability_map = self.run_model(self.model_input(image, long_side))
        quads, scores = self._postprocess(probability_map, (height, width))
        boxes = []
        for quad, score in zip(quads, scores, strict=False):
            points = order_corners(np.asarray(quad, dtype=np.float32))
            points[:, 0] = points[:, 0].clip(0, width - 1)
            points[:, 1] = points[:, 1].clip(0, height - 1)
            box = TextBox(points, float(score))
            if box.height >= 4 and box.bounds.width >= 4:
                boxes.append(box)
        return boxes
