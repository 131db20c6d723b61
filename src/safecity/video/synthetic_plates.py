"""Drawn Pakistani number plates and the cars that carry them, for synthetic scenes (tests, the demo).

Pure OpenCV drawing: Punjab (two lines, green band) and Sindh (one line, yellow) plates in the layouts the
plate reader's formats know, and a front view of a car (body, windscreen, lights, bumper) to put them on.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from safecity.video.frame import Image
from safecity.video.frame import PixelBox

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


def draw_car(frame: Image, box: PixelBox, body: Sequence[int]) -> None:
    """A car seen from the front filling `box` (x1, y1, x2, y2): body, windscreen, headlights, bumper."""
    x1, y1, x2, y2 = box
    width, height = x2 - x1, y2 - y1
    colour = tuple(int(channel) for channel in body)
    cv2.rectangle(frame, (x1, y1 + height // 5), (x2, y2 - height // 8), colour, -1)
    cv2.rectangle(frame, (x1 + width // 8, y1), (x2 - width // 8, y1 + height // 5), colour, -1)
    glass = (50, 45, 40)
    cv2.rectangle(
        frame, (x1 + width // 6, y1 + height // 20), (x2 - width // 6, y1 + height * 2 // 5), glass, -1
    )
    for lx in (x1 + width // 12, x2 - width // 12 - width // 7):
        cv2.rectangle(
            frame,
            (lx, y1 + height // 2),
            (lx + width // 7, y1 + height // 2 + height // 12),
            (200, 230, 240),
            -1,
        )
    cv2.rectangle(frame, (x1, y2 - height // 8), (x2, y2), (25, 25, 25), -1)  # bumper shadow and wheels
