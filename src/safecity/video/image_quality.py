"""Cheap per-frame measurements that reveal a covered, blurred, frozen or moved camera."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from safecity.video.frame import Image

GreyImage = npt.NDArray[np.uint8]

_ANALYSIS_WIDTH = 320  # measurements are made at this width, so thresholds do not depend on resolution
_THUMBNAIL_SIZE = (64, 48)


@dataclass(frozen=True, slots=True)
class FrameQuality:
    brightness: float  # mean grey level, 0..255
    contrast: float  # standard deviation of grey levels
    sharpness: float  # variance of the Laplacian: falls when the lens is out of focus or fogged
    grey: GreyImage  # the frame at analysis width, for frozen-frame checks
    thumbnail: npt.NDArray[np.float32]  # small, blurred: the layout of the scene, for camera-moved checks


def measure(image: Image) -> FrameQuality:
    if image.ndim != 3 or image.shape[2] != 3 or image.size == 0:
        raise ValueError(f"expected a BGR image (H, W, 3), got shape {image.shape}")
    height, width = image.shape[:2]
    scaled_height = max(1, round(height * _ANALYSIS_WIDTH / width))
    scaled = cv2.resize(image, (_ANALYSIS_WIDTH, scaled_height), interpolation=cv2.INTER_AREA)
    grey: GreyImage = cv2.cvtColor(scaled, cv2.COLOR_BGR2GRAY).astype(np.uint8, copy=False)
    mean, std = cv2.meanStdDev(grey)
    laplacian = cv2.Laplacian(grey, cv2.CV_32F)
    thumbnail = cv2.GaussianBlur(cv2.resize(grey, _THUMBNAIL_SIZE, interpolation=cv2.INTER_AREA), (5, 5), 0)
    return FrameQuality(
        brightness=float(mean[0][0]),
        contrast=float(std[0][0]),
        sharpness=float(laplacian.var()),
        grey=grey,
        thumbnail=thumbnail.astype(np.float32),
    )


def mean_difference(a: GreyImage, b: GreyImage) -> float:
    """Mean absolute grey-level difference; 0 for identical frames."""
    if a.shape != b.shape:
        return float("inf")
    return float(cv2.absdiff(a, b).mean())


def scene_similarity(a: npt.NDArray[np.float32], b: npt.NDArray[np.float32]) -> float:
    """Normalised correlation of two thumbnails, -1..1: near 1 for the same view under any lighting."""
    a_centred, b_centred = a - a.mean(), b - b.mean()
    norm = float(np.sqrt((a_centred**2).sum() * (b_centred**2).sum()))
    if norm < 1e-6:  # a flat image has no layout to compare
        return 1.0
    return float((a_centred * b_centred).sum() / norm)
