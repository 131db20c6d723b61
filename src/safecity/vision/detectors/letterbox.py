"""Letterbox resizing: fit an image into the detector's square input without distorting it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import cv2
import numpy as np

from safecity.vision.detectors.types import FloatArray

PAD_VALUE = 114


class Placement(StrEnum):
    TOP_LEFT = "top_left"  # YOLOX
    CENTER = "center"  # Ultralytics YOLOv8 / YOLO11


@dataclass(frozen=True, slots=True)
class Letterbox:
    """How an image was placed in the input canvas; `restore` maps input boxes back to image pixels."""

    scale: float
    pad_x: float
    pad_y: float

    def restore(self, boxes: FloatArray, width: int, height: int) -> FloatArray:
        restored = (
            boxes - np.array([self.pad_x, self.pad_y, self.pad_x, self.pad_y], np.float32)
        ) / self.scale
        np.clip(restored[:, 0::2], 0, width, out=restored[:, 0::2])
        np.clip(restored[:, 1::2], 0, height, out=restored[:, 1::2])
        return restored.astype(np.float32)


def letterbox(image: np.ndarray, size: tuple[int, int], placement: Placement) -> tuple[np.ndarray, Letterbox]:
    """Resize `image` (H, W, 3) to fit `size` (height, width) keeping aspect ratio; pad with 114."""
    if image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f"expected a BGR image of shape (H, W, 3), got {image.shape}")
    target_h, target_w = size
    height, width = image.shape[:2]
    scale = min(target_h / height, target_w / width)
    new_w, new_h = int(width * scale), int(height * scale)
    resized = cv2.resize(image, (new_w, new_h), interpolation=cv2.INTER_LINEAR)
    canvas = np.full((target_h, target_w, 3), PAD_VALUE, dtype=np.uint8)
    if placement is Placement.CENTER:
        pad_x, pad_y = (target_w - new_w) // 2, (target_h - new_h) // 2
    else:
        pad_x, pad_y = 0, 0
    canvas[pad_y : pad_y + new_h, pad_x : pad_x + new_w] = resized
    return canvas, Letterbox(scale, float(pad_x), float(pad_y))
