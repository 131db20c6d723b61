"""What a face detector returns, the interface every detector follows, and detection-scale helpers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import cv2
import numpy as np
import numpy.typing as npt

from safecity.video.frame import Image
from safecity.vision.boxes import Box

Points = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Detection:
    """One face found by a detector.

    `box` is in original-image pixels and shaped like a dlib box (roughly brows to chin, ear to ear) so that
    the 5-point landmark model fits it whichever detector produced it. `score` is on the detector's own
    scale and `min_score` is that detector's threshold below which the quality gate rejects the face.
    `keypoints` are the detector's own five points (eyes, nose tip, mouth corners; image-left first) when
    it gives them.
    """

    box: Box
    score: float
    detector: str
    min_score: float
    keypoints: Points | None = None


class FaceDetector(Protocol):
    """Finds faces in a BGR image."""

    @property
    def name(self) -> str:
        """Short id recorded with every detection, e.g. "dlib-hog"."""
        ...

    def detect(self, image: Image) -> list[Detection]:
        """Faces in `image`, boxes in its pixel coordinates."""
        ...


def downscale_for_detection(image: Image, max_side: int) -> tuple[Image, float]:
    """The image shrunk so its long side is at most `max_side`, and the factor that maps boxes back up."""
    height, width = image.shape[:2]
    long_side = max(height, width)
    if long_side <= max_side:
        return image, 1.0
    scale = max_side / long_side
    size = (round(width * scale), round(height * scale))
    small: Image = cv2.resize(image, size, interpolation=cv2.INTER_AREA).astype(np.uint8, copy=False)
    return small, long_side / max_side
