"""The neighbourhood of one detected face, cut from the full-resolution image, with its landmarks."""

from __future__ import annotations

from functools import cached_property

import cv2
import dlib
import numpy as np

from safecity.video.frame import Image
from safecity.vision.faces.detection import Detection
from safecity.vision.faces.detection import Points
from safecity.vision.faces.landmarks import FaceLandmarks
from safecity.vision.faces.landmarks import fit_landmarks
from safecity.vision.faces.landmarks import to_dlib_shape

# How much image to keep around the box on each side, as a share of the box size: enough for dlib's chip
# padding and for rotated faces.
MARGIN = 0.6
DLIB_CHIP_SIZE = 150
DLIB_CHIP_PADDING = 0.25


class FaceCrop:
    """Pixels around one face (BGR, full resolution) with box, landmarks and keypoints in crop coordinates.

    Working on a crop keeps per-face work independent of the image size, so huge photos cost no more than
    small ones once the face is found.
    """

    def __init__(self, image: Image, detection: Detection) -> None:
        height, width = image.shape[:2]
        box = detection.box
        mx, my = box.width * MARGIN, box.height * MARGIN
        x0, y0 = max(0, int(box.x1 - mx)), max(0, int(box.y1 - my))
        x1, y1 = min(width, int(np.ceil(box.x2 + mx))), min(height, int(np.ceil(box.y2 + my)))
        self.origin = (x0, y0)
        self.bgr: Image = image[y0:y1, x0:x1]
        self.box = box.shifted(-x0, -y0)
        self.keypoints: Points | None = None
        if detection.keypoints is not None:
            self.keypoints = (detection.keypoints - np.array([x0, y0], dtype=np.float32)).astype(np.float32)

    @cached_property
    def rgb(self) -> np.ndarray:
        return cv2.cvtColor(self.bgr, cv2.COLOR_BGR2RGB)

    @cached_property
    def landmarks(self) -> FaceLandmarks:
        """dlib 5-point landmarks in crop coordinates."""
        return fit_landmarks(self.rgb, self.box)

    @cached_property
    def dlib_chip(self) -> np.ndarray:
        """150x150 RGB face aligned the way dlib's ResNet embedder was trained (eyes level, fixed scale)."""
        shape = to_dlib_shape(self.landmarks, self.box)
        chip: np.ndarray = dlib.get_face_chip(self.rgb, shape, DLIB_CHIP_SIZE, DLIB_CHIP_PADDING)
        return chip

    def landmarks_in_image(self) -> FaceLandmarks:
        return self.landmarks.shifted(*self.origin)
