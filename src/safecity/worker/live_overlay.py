"""Detection overlays for the live view: the scene's zones and lines and the tracked objects, drawn on a copy.

Operators see what the analytics see (as Frigate's debug view does): a missing box tells them a camera's
detection is off before a missed alert does. The clean picture stays the snapshot, for drawing zones on.
"""

from __future__ import annotations

from collections.abc import Iterable

import cv2
import numpy as np

from safecity.pipeline.rules.config import SceneConfig
from safecity.video.frame import Image
from safecity.vision.geometry import to_pixels
from safecity.vision.tracking import Track

ZONE_COLOUR = (0, 200, 255)  # BGR amber
LINE_COLOUR = (255, 160, 0)  # BGR sky blue
BOX_COLOURS = {"person": (80, 220, 80), "car": (60, 60, 240), "motorcycle": (240, 80, 200)}
OTHER_BOX_COLOUR = (230, 230, 230)


def draw_overlay(image: Image, tracks: Iterable[Track], scene: SceneConfig) -> Image:
    """A copy of `image` with zones, counting lines and one labelled box per track."""
    canvas = image.copy()
    height, width = canvas.shape[:2]
    thickness = max(1, round(min(width, height) / 360))
    for zone in scene.zones:
        points = np.array(to_pixels(zone.polygon, width, height, scene.units), dtype=np.int32)
        cv2.polylines(canvas, [points], isClosed=True, color=ZONE_COLOUR, thickness=thickness)
        _label(canvas, zone.name, tuple(points[0]), ZONE_COLOUR, thickness)
    for line in scene.lines:
        start, end = to_pixels([line.start, line.end], width, height, scene.units)
        a, b = (round(start[0]), round(start[1])), (round(end[0]), round(end[1]))
        cv2.arrowedLine(canvas, a, b, LINE_COLOUR, thickness, tipLength=0.03)
        _label(canvas, line.name, a, LINE_COLOUR, thickness)
    for track in tracks:
        x1, y1, x2, y2 = (round(v) for v in track.box)
        colour = BOX_COLOURS.get(track.label, OTHER_BOX_COLOUR)
        cv2.rectangle(canvas, (x1, y1), (x2, y2), colour, thickness)
        _label(canvas, f"{track.label} #{track.track_id}", (x1, y1), colour, thickness)
    return canvas


Colour = tuple[int, int, int]


def _label(canvas: Image, text: str, at: tuple[int, int], colour: Colour, thickness: int) -> None:
    """`text` on a filled tag at `at` (kept inside the frame), dark on the shape's colour for contrast."""
    font, scale = cv2.FONT_HERSHEY_SIMPLEX, 0.4 * thickness
    (text_width, text_height), baseline = cv2.getTextSize(text, font, scale, 1)
    x, y = int(at[0]), max(int(at[1]), text_height + baseline + 2)
    cv2.rectangle(canvas, (x, y - text_height - baseline - 2), (x + text_width + 4, y), colour, cv2.FILLED)
    cv2.putText(canvas, text, (x + 2, y - baseline), font, scale, (0, 0, 0), 1, cv2.LINE_AA)
