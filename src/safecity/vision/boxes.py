"""`Box`: the one axis-aligned box in image pixels, used by tracking, faces, plates and the pipeline.

A named tuple, so `x1, y1, x2, y2 = box` and `list(box)` work and it serialises as a list. x1/y1 are
inclusive and x2/y2 exclusive. Detectors keep their boxes as one (N, 4) array (`Detections`) for speed, and
whole-pixel crop rectangles are `safecity.video.frame.PixelBox`.
"""

from __future__ import annotations

from typing import NamedTuple


class Box(NamedTuple):
    """A box in pixels of the original image; it may extend past the image edge (`clipped` gives the
    visible part) and may be empty (a degenerate tracker box): then its area is 0."""

    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def width(self) -> float:
        return self.x2 - self.x1

    @property
    def height(self) -> float:
        return self.y2 - self.y1

    @property
    def area(self) -> float:
        return max(0.0, self.width) * max(0.0, self.height)

    @property
    def center(self) -> tuple[float, float]:
        return ((self.x1 + self.x2) / 2, (self.y1 + self.y2) / 2)

    def shifted(self, dx: float, dy: float) -> Box:
        """The same box moved by (dx, dy): maps a box found in a crop back to the whole frame."""
        return Box(self.x1 + dx, self.y1 + dy, self.x2 + dx, self.y2 + dy)

    def scaled(self, factor: float) -> Box:
        """The same box in an image resized by `factor` (e.g. from a downscaled detection image back)."""
        return Box(self.x1 * factor, self.y1 * factor, self.x2 * factor, self.y2 * factor)

    def clipped(self, width: int, height: int) -> Box | None:
        """The part of the box inside a width x height image, or None when nothing is inside."""
        x1, y1 = max(self.x1, 0.0), max(self.y1, 0.0)
        x2, y2 = min(self.x2, float(width)), min(self.y2, float(height))
        if x2 <= x1 or y2 <= y1:
            return None
        return Box(x1, y1, x2, y2)

    def visible_fraction(self, width: int, height: int) -> float:
        """Share of the box area that lies inside the image (1.0 for a face fully in view)."""
        inside = self.clipped(width, height)
        return 0.0 if inside is None or self.area == 0 else inside.area / self.area

    def as_list(self) -> list[int]:
        """[x1, y1, x2, y2] rounded to whole pixels, for JSON output."""
        return [round(self.x1), round(self.y1), round(self.x2), round(self.y2)]


def iou(a: Box, b: Box) -> float:
    """Intersection over union of two boxes (0 when both are empty)."""
    ix = max(0.0, min(a.x2, b.x2) - max(a.x1, b.x1))
    iy = max(0.0, min(a.y2, b.y2) - max(a.y1, b.y1))
    inter = ix * iy
    union = a.area + b.area - inter
    return inter / union if union > 0 else 0.0
