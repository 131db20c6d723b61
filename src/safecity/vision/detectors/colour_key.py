"""A detector for rendered scenes: finds `safecity.video.synthetic` objects by their class colour."""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from safecity.video.synthetic import CLASS_COLOURS
from safecity.video.synthetic import COLOUR_TOLERANCE
from safecity.vision.detectors.types import Detections


class ColourKeyDetector:
    """Finds a synthetic scene's rendered objects by their class colour (a detector for tests and demos)."""

    name = "colour-key"
    input_size = (416, 416)

    def __init__(self, min_area: int = 30) -> None:
        self.min_area = min_area

    def detect(self, image: np.ndarray) -> Detections:
        boxes: list[list[float]] = []
        labels: list[str] = []
        for label, colour in CLASS_COLOURS.items():
            low = np.clip(np.array(colour) - COLOUR_TOLERANCE, 0, 255).astype(np.uint8)
            high = np.clip(np.array(colour) + COLOUR_TOLERANCE, 0, 255).astype(np.uint8)
            mask = cv2.inRange(image, low, high)
            contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
            for contour in contours:
                if cv2.contourArea(contour) >= self.min_area:
                    x, y, w, h = cv2.boundingRect(contour)
                    boxes.append([x, y, x + w, y + h])
                    labels.append(label)
        if not boxes:
            return Detections.empty()
        return Detections(np.array(boxes, np.float32), np.full(len(boxes), 0.9, np.float32), tuple(labels))

    def detect_batch(self, images: Sequence[np.ndarray]) -> list[Detections]:
        return [self.detect(image) for image in images]
