"""Similarity-transform alignment to the ArcFace 112x112 landmark template, used by ONNX embedders."""

from __future__ import annotations

import cv2
import numpy as np

from safecity.vision.faces.detection import Points
from safecity.vision.faces.errors import FaceError
from safecity.vision.faces.landmarks import FaceLandmarks

# Where ArcFace-family models (ArcFace, SFace, ...) expect the eyes, nose tip and mouth corners in a 112x112
# input, image-left point first. These are the published reference coordinates of that alignment.
ARCFACE_TEMPLATE_112 = np.array(
    [[38.2946, 51.6963], [73.5318, 51.5014], [56.0252, 71.7366], [41.5493, 92.3655], [70.7299, 92.2041]],
    dtype=np.float32,
)


def align_to_template(bgr: np.ndarray, source: Points, size: tuple[int, int]) -> np.ndarray:
    """Warp `bgr` so the `source` points land on the first len(source) template points (scaled to `size`)."""
    width, height = size
    template = ARCFACE_TEMPLATE_112 * np.array([width / 112.0, height / 112.0], dtype=np.float32)
    target = template[: len(source)]
    matrix, _ = cv2.estimateAffinePartial2D(source.astype(np.float32), target, method=cv2.LMEDS)
    if matrix is None:
        raise FaceError("cannot align face: landmarks are degenerate")
    return cv2.warpAffine(
        bgr, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )


def alignment_points(landmarks: FaceLandmarks, keypoints: Points | None) -> Points:
    """The detector's five keypoints when it gave them, else eye centres and nose from the dlib landmarks.

    dlib's nose point is the nose base rather than the tip, a few pixels lower; ArcFace-style models tolerate
    that, but a detector with keypoints (YuNet) gives the exact alignment.
    """
    if keypoints is not None and keypoints.shape == (5, 2):
        return keypoints
    left, right = landmarks.eye_centres
    return np.stack([left, right, landmarks.nose]).astype(np.float32)
