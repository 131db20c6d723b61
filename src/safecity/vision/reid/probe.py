"""The person in a query image: the largest detected person, cropped; or the reason there is none."""

from __future__ import annotations

import numpy as np

from safecity.vision.detectors.types import Detections

PERSON = "person"
MIN_SCORE = 0.4
MIN_HEIGHT = 48  # pixels: smaller people carry too little appearance to search with
MARGIN = 0.05  # share of the box kept around it, as the tracker's boxes are a little loose or tight


class NoPersonError(ValueError):
    """The query image has no usable person in it; the message says why."""


def person_crop(image: np.ndarray, detections: Detections, *, min_score: float = MIN_SCORE) -> np.ndarray:
    """The crop of the largest person the detector found in `image` with at least `min_score`."""
    people = [
        box
        for box, score, label in zip(detections.boxes, detections.scores, detections.labels, strict=True)
        if label == PERSON and score >= min_score
    ]
    if not people:
        raise NoPersonError("no person found in the image")
    x1, y1, x2, y2 = max(people, key=lambda b: float((b[2] - b[0]) * (b[3] - b[1])))
    if y2 - y1 < MIN_HEIGHT:
        raise NoPersonError(
            f"the person is too small to search with ({y2 - y1:.0f} px tall < {MIN_HEIGHT} px)"
        )
    height, width = image.shape[:2]
    mx, my = (x2 - x1) * MARGIN, (y2 - y1) * MARGIN
    left, top = max(0, int(x1 - mx)), max(0, int(y1 - my))
    right, bottom = min(width, int(x2 + mx)), min(height, int(y2 + my))
    return image[top:bottom, left:right]
