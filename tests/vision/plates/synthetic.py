"""The degradations cameras add to plates (drawn by `safecity.video.synthetic_plates`), and a plain street."""

from __future__ import annotations

import cv2
import numpy as np

from safecity.video.frame import Image
from safecity.video.synthetic_plates import punjab_plate
from safecity.video.synthetic_plates import sindh_plate

__all__ = ["blurred", "low_light", "punjab_plate", "sindh_plate", "street_scene", "tilted"]


def blurred(image: Image, sigma: float = 1.5) -> Image:
    return np.asarray(cv2.GaussianBlur(image, (0, 0), sigma), dtype=np.uint8)


def tilted(image: Image, degrees: float = 8.0) -> Image:
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    return np.asarray(
        cv2.warpAffine(
            image, matrix, (width, height), borderMode=cv2.BORDER_CONSTANT, borderValue=(90, 90, 90)
        ),
        dtype=np.uint8,
    )


def low_light(image: Image, gain: float = 0.35, noise: float = 4.0, seed: int = 0) -> Image:
    rng = np.random.default_rng(seed)
    dark = image.astype(np.float32) * gain + rng.normal(0, noise, image.shape)
    return np.asarray(dark.clip(0, 255), dtype=np.uint8)


def street_scene(
    plate: Image, at: tuple[int, int], scale: float = 0.6, size: tuple[int, int] = (720, 1280)
) -> Image:
    """A 720p frame: grey road, a dark car body, and the plate pasted (scaled) at `at` (x, y)."""
    rng = np.random.default_rng(1)
    frame = np.full((*size, 3), 110, dtype=np.uint8)
    frame += rng.integers(0, 12, frame.shape, dtype=np.uint8)
    small = cv2.resize(plate, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    x, y = at
    cv2.rectangle(
        frame, (x - 120, y - 160), (x + small.shape[1] + 120, y + small.shape[0] + 60), (70, 40, 30), -1
    )
    frame[y : y + small.shape[0], x : x + small.shape[1]] = small
    return frame
