"""Synthetic Pakistani plates drawn with OpenCV text, with the degradations cameras add."""

from __future__ import annotations

import cv2
import numpy as np

from safecity.video.frame import Image

FONT = cv2.FONT_HERSHEY_DUPLEX
GREEN = (60, 120, 20)
YELLOW = (40, 210, 240)
WHITE = (245, 245, 245)
BLACK = (20, 20, 20)


def _centered_text(
    image: Image, text: str, center_x: int, baseline: int, scale: float, thickness: int
) -> None:
    (width, _), _ = cv2.getTextSize(text, FONT, scale, thickness)
    cv2.putText(image, text, (center_x - width // 2, baseline), FONT, scale, BLACK, thickness, cv2.LINE_AA)


def punjab_plate(series: str, year: str, number: str) -> Image:
    """Two-line Punjab plate: green band with PUNJAB on the left, series and year on top, number below."""
    plate = np.full((150, 300, 3), WHITE, dtype=np.uint8)
    plate[:, :70] = GREEN
    cv2.putText(plate, "PUNJAB", (8, 135), cv2.FONT_HERSHEY_SIMPLEX, 0.4, WHITE, 1, cv2.LINE_AA)
    _centered_text(plate, f"{series}-{year}", 185, 62, 1.5, 3)
    _centered_text(plate, number, 185, 132, 1.8, 4)
    cv2.rectangle(plate, (0, 0), (299, 149), BLACK, 2)
    return plate


def sindh_plate(series: str, number: str) -> Image:
    """One-line Sindh plate: yellow, AAA-NNN, SINDH in small letters below."""
    plate = np.full((110, 320, 3), YELLOW, dtype=np.uint8)
    _centered_text(plate, f"{series}-{number}", 160, 70, 1.9, 4)
    _centered_text(plate, "SINDH", 160, 98, 0.5, 1)
    cv2.rectangle(plate, (0, 0), (319, 109), BLACK, 2)
    return plate


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
