"""Face boxes in image pixel coordinates."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned box, x1/y1 inclusive and x2/y2 exclusive, in pixels of the original image.

    A box may extend past the image edge (a face cut by the border); `clipped` gives the visible part.
    """

    x1: float
    y1: float
    x2: float
    y2: float

    def __post_init__(self) -> None:
        if not (self.x2 > self.x1 and self.y2 > self.y1):
            raise ValueError(f"box must have positive size, got {self.as_list()}")

    @property
    def width(self) -> float:
        return self.x2 - self.x1

    @property
    def height(self) -> float:
        return self.y2 - self.y1

    @property
    def area(self) -> float:
        return self.width * self.height

    @property
    def center(self) -> tuple[float, float]:
        return ((self.x1 + self.x2) / 2, (self.y1 + self.y2) / 2)

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
        return 0.0 if inside is None else inside.area / self.area

    def as_list(self) -> list[int]:
        """[x1, y1, x2, y2] rounded to whole pixels, for JSON output."""
        return [round(self.x1), round(self.y1), round(self.x2), round(self.y2)]


def iou(a: Box, b: Box) -> float:
    """Intersection over union of two boxes."""
    ix = max(0.0, min(a.x2, b.x2) - max(a.x1, b.x1))
    iy = max(0.0, min(a.y2, b.y2) - max(a.y1, b.y1))
    inter = ix * iy
    return inter / (a.area + b.area - inter)
