"""Dedicated plate detectors (ONNX): where plates are in a vehicle crop or a scene, as boxes with corners.

Two model families, both Apache-2.0 and fetched by the model registry (kind `plate-detector`):

- `y5fu` (HyperLPR's y5fu_320x_sim / y5fu_640x_sim): a square input (side read from the model), RGB / 255,
  letterboxed in the centre with black; output rows (cx, cy, w, h, objectness, 4 corners, 2 class scores).
- `lpd-yunet` (OpenCV Zoo's LPD-YuNet 2023mar): a fixed 320x240 BGR 0-255 input, letterboxed top-left;
  outputs `loc`, `conf`, `iou` decoded against YuNet priors into 4 corners.

Both are given an image at their own input size, so a vehicle crop (not a whole 720p frame) keeps plates at
a size they were trained on.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Literal
from typing import Protocol

import cv2
import numpy as np
import numpy.typing as npt
import onnxruntime as ort

from safecity.video.frame import Image
from safecity.video.frame import PixelBox
from safecity.vision.plates.onnx_models import open_session

PlateDetectorFormat = Literal["y5fu", "lpd-yunet"]
PLATE_DETECTOR_FORMATS: tuple[PlateDetectorFormat, ...] = ("y5fu", "lpd-yunet")
FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class PlateBox:
    """A detected plate: four corners (clockwise from top-left, image pixels) and the model's score."""

    corners: FloatArray
    score: float

    @property
    def box(self) -> PixelBox:
        x1, y1 = np.floor(self.corners.min(axis=0))
        x2, y2 = np.ceil(self.corners.max(axis=0))
        return int(x1), int(y1), int(x2), int(y2)

    @property
    def width(self) -> float:
        top = float(np.linalg.norm(self.corners[1] - self.corners[0]))
        bottom = float(np.linalg.norm(self.corners[2] - self.corners[3]))
        return max(top, bottom)

    def shifted(self, dx: float, dy: float) -> PlateBox:
        return PlateBox((self.corners + np.array([dx, dy], np.float32)).astype(np.float32), self.score)


class PlateFinder(Protocol):
    """What the reader needs of a plate detector: plates in a BGR image, best first."""

    def find(self, image: Image) -> list[PlateBox]: ...


def _order(points: FloatArray) -> FloatArray:
    by_x = points[np.argsort(points[:, 0], kind="stable")]
    left, right = by_x[:2], by_x[2:]
    top_left, bottom_left = left[np.argsort(left[:, 1], kind="stable")]
    top_right, bottom_right = right[np.argsort(right[:, 1], kind="stable")]
    return np.array([top_left, top_right, bottom_right, bottom_left], dtype=np.float32)


def _suppress(corners: FloatArray, scores: FloatArray, threshold: float, overlap: float) -> list[PlateBox]:
    """Plates above `threshold`, overlapping ones (IoU > `overlap` of their boxes) reduced to the best."""
    keep = scores >= threshold
    corners, scores = corners[keep], scores[keep]
    if not len(scores):
        return []
    mins, maxs = corners.min(axis=1), corners.max(axis=1)
    rects = [
        [float(x), float(y), float(w), float(h)] for (x, y), (w, h) in zip(mins, maxs - mins, strict=True)
    ]
    chosen = cv2.dnn.NMSBoxes(rects, scores.tolist(), threshold, overlap)
    order = sorted((int(i) for i in np.asarray(chosen).reshape(-1)), key=lambda i: -float(scores[i]))
    return [PlateBox(_order(corners[i]), float(scores[i])) for i in order]


def _letterbox(image: Image, width: int, height: int, centred: bool) -> tuple[Image, float, float, float]:
    scale = min(width / image.shape[1], height / image.shape[0])
    new_w, new_h = max(1, int(image.shape[1] * scale)), max(1, int(image.shape[0] * scale))
    canvas = np.zeros((height, width, 3), dtype=np.uint8)
    pad_x, pad_y = ((width - new_w) // 2, (height - new_h) // 2) if centred else (0, 0)
    canvas[pad_y : pad_y + new_h, pad_x : pad_x + new_w] = cv2.resize(
        image, (new_w, new_h), interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
    )
    return canvas, scale, float(pad_x), float(pad_y)


class Y5fuPlateDetector:
    """HyperLPR's y5fu plate detector (single- and double-line plates, with corners)."""

    def __init__(self, session: ort.InferenceSession, threshold: float = 0.08, overlap: float = 0.4) -> None:
        self._session = session
        model_input = session.get_inputs()[0]
        self._input = model_input.name
        side = model_input.shape[-1]
        if not isinstance(side, int):
            raise ValueError(f"y5fu plate detector needs a fixed square input, got {model_input.shape}")
        self.side = side
        self.threshold = threshold
        self.overlap = overlap

    def model_input(self, image: Image) -> tuple[FloatArray, float, float, float]:
        canvas, scale, pad_x, pad_y = _letterbox(image, self.side, self.side, centred=True)
        blob = cv2.dnn.blobFromImage(canvas, scalefactor=1 / 255, swapRB=True)  # RGB, NCHW, float32
        return np.asarray(blob, dtype=np.float32), scale, pad_x, pad_y

    def run_model(self, blob: FloatArray) -> FloatArray:
        return np.asarray(self._session.run(None, {self._input: blob})[0][0], dtype=np.float32)

    def find(self, image: Image) -> list[PlateBox]:
        blob, scale, pad_x, pad_y = self.model_input(image)
        rows = self.run_model(blob)
        rows = rows[rows[:, 4] >= self.threshold]
        corners = rows[:, 5:13].reshape(-1, 4, 2)
        corners = ((corners - np.array([pad_x, pad_y], np.float32)) / scale).astype(np.float32)
        return _suppress(corners, rows[:, 4].astype(np.float32), self.threshold, self.overlap)


class LpdYunetPlateDetector:
    """OpenCV Zoo's LPD-YuNet (trained on Chinese plates; weaker on two-line plates)."""

    WIDTH, HEIGHT = 320, 240
    _MIN_SIZES = ((10, 16, 24), (32, 48), (64, 96), (128, 192, 256))
    _STEPS = (8, 16, 32, 64)
    _VARIANCE = 0.1

    def __init__(self, session: ort.InferenceSession, threshold: float = 0.15, overlap: float = 0.3) -> None:
        self._session = session
        self._input = session.get_inputs()[0].name
        self.threshold = threshold
        self.overlap = overlap
        self._priors = self._make_priors()

    def _make_priors(self) -> FloatArray:
        height, width = (self.HEIGHT + 1) // 2 // 2, (self.WIDTH + 1) // 2 // 2
        priors: list[tuple[float, float, float, float]] = []
        for step, sizes in zip(self._STEPS, self._MIN_SIZES, strict=True):
            height, width = height // 2, width // 2
            for row, col in product(range(height), range(width)):
                for size in sizes:
                    priors.append(
                        (
                            (col + 0.5) * step / self.WIDTH,
                            (row + 0.5) * step / self.HEIGHT,
                            size / self.WIDTH,
                            size / self.HEIGHT,
                        )
                    )
        return np.array(priors, dtype=np.float32)

    def find(self, image: Image) -> list[PlateBox]:
        canvas, scale, _, _ = _letterbox(image, self.WIDTH, self.HEIGHT, centred=False)
        blob = canvas.transpose(2, 0, 1)[np.newaxis].astype(np.float32)
        loc, conf, iou = (
            np.asarray(out, dtype=np.float32) for out in self._session.run(None, {self._input: blob})
        )
        scores = np.sqrt(conf[:, 1] * np.clip(iou[:, 0], 0.0, 1.0)).astype(np.float32)
        size = np.array([self.WIDTH, self.HEIGHT], np.float32)
        centres, spans = self._priors[:, 0:2], self._priors[:, 2:4]
        corners = np.stack(
            [(centres + loc[:, a : a + 2] * self._VARIANCE * spans) * size for a in (4, 6, 10, 12)], axis=1
        )
        return _suppress((corners / scale).astype(np.float32), scores, self.threshold, self.overlap)


def open_plate_detector(path: Path, output_format: str, threads: int = 1) -> PlateFinder:
    """A plate detector for the model file; raises ValueError naming an unknown format."""
    if output_format not in PLATE_DETECTOR_FORMATS:
        raise ValueError(
            f"unknown plate detector format {output_format!r}; known: {', '.join(PLATE_DETECTOR_FORMATS)}"
        )
    session = open_session(path, threads)
    if output_format == "y5fu":
        return Y5fuPlateDetector(session)
    return LpdYunetPlateDetector(session)
