"""Text boxes found by the detector, and their grouping into rows and into plates."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from safecity.video.frame import Image
from safecity.vision.boxes import Box

Points = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class TextBox:
    """A detected text region: four corners (clockwise from top-left) in image pixels."""

    points: Points
    score: float = 1.0

    @property
    def bounds(self) -> Box:
        """The axis-aligned box around the four corners."""
        (x1, y1), (x2, y2) = self.points.min(axis=0), self.points.max(axis=0)
        return Box(float(x1), float(y1), float(x2), float(y2))

    @property
    def height(self) -> float:
        """The text's height along its slant (mean of the left and right edges), not the bounds' height."""
        p = self.points
        return float((np.linalg.norm(p[0] - p[3]) + np.linalg.norm(p[1] - p[2])) / 2)

    @property
    def center_y(self) -> float:
        return float(self.points[:, 1].mean())

    def shifted(self, dx: float, dy: float) -> TextBox:
        return TextBox((self.points + np.array([dx, dy], dtype=np.float32)).astype(np.float32), self.score)


def bounding_box(boxes: list[TextBox]) -> tuple[int, int, int, int]:
    bounds = [box.bounds for box in boxes]
    return (
        round(min(b.x1 for b in bounds)),
        round(min(b.y1 for b in bounds)),
        round(max(b.x2 for b in bounds)),
        round(max(b.y2 for b in bounds)),
    )


def _gaps(a: TextBox, b: TextBox) -> tuple[float, float]:
    """The horizontal and vertical gaps between the boxes' bounds (negative: they overlap by that much)."""
    p, q = a.bounds, b.bounds
    return max(p.x1, q.x1) - min(p.x2, q.x2), max(p.y1, q.y1) - min(p.y2, q.y2)


def _same_row(a: TextBox, b: TextBox) -> bool:
    small, large = sorted((a.height, b.height))
    if small < large / 1.6:
        return False
    horizontal_gap, vertical_gap = _gaps(a, b)
    if -vertical_gap < 0.5 * small:  # overlapping by less than half the smaller height
        return False
    return horizontal_gap < 1.5 * large


def group_rows(boxes: list[TextBox]) -> list[list[TextBox]]:
    """Boxes of one text row (similar height, side by side); rows top to bottom, boxes left to right."""
    rows: list[list[TextBox]] = []
    for box in sorted(boxes, key=lambda b: b.bounds.x1):
        for row in rows:
            if any(_same_row(box, member) for member in row):
                row.append(box)
                break
        else:
            rows.append([box])
    return sorted(rows, key=lambda row: (min(b.center_y for b in row), min(b.bounds.x1 for b in row)))


def _near(a: TextBox, b: TextBox) -> bool:
    small, large = sorted((a.height, b.height))
    if small < large / 4:
        return False
    horizontal_gap, vertical_gap = _gaps(a, b)
    return horizontal_gap < 0.8 * large and vertical_gap < 0.6 * large


def group_plates(boxes: list[TextBox]) -> list[list[TextBox]]:
    """Clusters of nearby boxes, each one plate candidate (text of a plate sits closer than its height)."""
    parent = list(range(len(boxes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            if _near(boxes[i], boxes[j]):
                parent[root(i)] = root(j)
    clusters: dict[int, list[TextBox]] = {}
    for i, box in enumerate(boxes):
        clusters.setdefault(root(i), []).append(box)
    return list(clusters.values())


def rectify_row(image: Image, row: list[TextBox], pad_ratio: float = 0.12) -> Image:
    """The row straightened into an upright strip (rotated rectangle around all its corners, padded)."""
    points = np.concatenate([box.points for box in row]).astype(np.float32)
    (cx, cy), (w, h), angle = cv2.minAreaRect(points)
    if w < h:  # keep the long side horizontal
        w, h, angle = h, w, angle - 90 if angle > 0 else angle + 90
    pad = pad_ratio * h
    w, h = w + 2 * pad, h + 2 * pad
    corners = cv2.boxPoints(((cx, cy), (w, h), angle)).astype(np.float32)
    ordered = order_corners(corners)
    width, height = max(round(w), 1), max(round(h), 1)
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(ordered, target)
    warped = cv2.warpPerspective(
        image, matrix, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )
    return np.asarray(warped, dtype=np.uint8)


def order_corners(points: Points) -> Points:
    by_x = points[np.argsort(points[:, 0])]
    left, right = by_x[:2], by_x[2:]
    top_left, bottom_left = left[np.argsort(left[:, 1])]
    top_right, bottom_right = right[np.argsort(right[:, 1])]
    return np.array([top_left, top_right, bottom_right, bottom_left], dtype=np.float32)
