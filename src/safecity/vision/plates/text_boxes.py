"""Text boxes found by the detector, and their grouping into rows and into plates."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from safecity.video.frame import Image

Points = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class TextBox:
    """A detected text region: four corners (clockwise from top-left) in image pixels."""

    points: Points
    score: float = 1.0

    @property
    def x1(self) -> float:
        return float(self.points[:, 0].min())

    @property
    def x2(self) -> float:
        return float(self.points[:, 0].max())

    @property
    def y1(self) -> float:
        return float(self.points[:, 1].min())

    @property
    def y2(self) -> float:
        return float(self.points[:, 1].max())

    @property
    def height(self) -> float:
        p = self.points
        return float((np.linalg.norm(p[0] - p[3]) + np.linalg.norm(p[1] - p[2])) / 2)

    @property
    def center_y(self) -> float:
        return float(self.points[:, 1].mean())

    def shifted(self, dx: float, dy: float) -> TextBox:
        return TextBox((self.points + np.array([dx, dy], dtype=np.float32)).astype(np.float32), self.score)


def bounding_box(boxes: list[TextBox]) -> tuple[int, int, int, int]:
    return (
        round(min(b.x1 for b in boxes)),
        round(min(b.y1 for b in boxes)),
        round(max(b.x2 for b in boxes)),
        round(max(b.y2 for b in boxes)),
    )


def _same_row(a: TextBox, b: TextBox) -> bool:
    small, large = sorted((a.height, b.height))
    if small < large / 1.6:
        return False
    overlap = min(a.y2, b.y2) - max(a.y1, b.y1)
    if overlap < 0.5 * small:
        return False
    gap = max(a.x1, b.x1) - min(a.x2, b.x2)
    return gap < 1.5 * large


def group_rows(boxes: list[TextBox]) -> list[list[TextBox]]:
    """Boxes of one text row (similar height, side by side); rows top to bottom, boxes left to right."""
    rows: list[list[TextBox]] = []
    for box in sorted(boxes, key=lambda b: b.x1):
        for row in rows:
            if any(_same_row(box, member) for member in row):
                row.append(box)
                break
        else:
            rows.append([box])
    return sorted(rows, key=lambda row: (min(b.center_y for b in row), min(b.x1 for b in row)))


def _near(a: TextBox, b: TextBox) -> bool:
    small, large = sorted((a.height, b.height))
    if small < large / 4:
        return False
    horizontal_gap = max(a.x1, b.x1) - min(a.x2, b.x2)
    vertical_gap = max(a.y1, b.y1) - min(a.y2, b.y2)
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
