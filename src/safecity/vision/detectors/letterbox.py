"""Letterbox resizing: fit an image into the detector's square input without distorting it."""

from __future__ import annotations

from collections.abc import Sequence
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


def _fit(image: np.ndarray, size: tuple[int, int], placement: Placement) -> tuple[np.ndarray, Letterbox]:
    """`image` resized to fit `size` (height, width) keeping its aspect ratio, and where it goes."""
    if image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f"expected a BGR image of shape (H, W, 3), got {image.shape}")
    target_h, target_w = size
    height, width = image.shape[:2]
    scale = min(target_h / height, target_w / width)
    new_w, new_h = int(width * scale), int(height * scale)
    resized = cv2.resize(image, (new_w, new_h), interpolation=cv2.INTER_LINEAR)
    if placement is Placement.CENTER:
        pad_x, pad_y = (target_w - new_w) // 2, (target_h - new_h) // 2
    else:
        pad_x, pad_y = 0, 0
    return resized, Letterbox(scale, float(pad_x), float(pad_y))


def letterbox_batch(
    images: Sequence[np.ndarray], size: tuple[int, int], placement: Placement, rgb: bool, scale: float
) -> tuple[FloatArray, list[Letterbox]]:
    """Fit each of `images` (H, W, 3, BGR) into `size` (height, width) keeping its aspect ratio, padded with
    114, straight into one float32 NCHW batch: values × `scale`, channels BGR unless `rgb`.

    One resize and one converting copy per image (no uint8 canvas, no strided float copy): this runs on
    every analysed frame.
    """
    target_h, target_w = size
    batch = np.empty((len(images), 3, target_h, target_w), np.float32)
    boxes = []
    for index, image in enumerate(images):
        resized, box = _fit(image, size, placement)
        boxes.append(box)
        left, top = int(box.pad_x), int(box.pad_y)
        right, bottom = left + resized.shape[1], top + resized.shape[0]
        planes = batch[index]
        pad = np.float32(PAD_VALUE * scale)
        planes[:, :top] = pad
        planes[:, bottom:] = pad
        planes[:, top:bottom, :left] = pad
        planes[:, top:bottom, right:] = pad
        channels = (resized[:, :, ::-1] if rgb else resized).transpose(2, 0, 1)
        np.multiply(channels, np.float32(scale), out=planes[:, top:bottom, left:right])
    return batch, boxes
