"""Turn raw YOLO-family output tensors into boxes and per-class scores (model input pixels)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from collections.abc import Sequence
from enum import StrEnum

import cv2
import numpy as np

from safecity.vision.detectors.types import FloatArray


class OutputFormat(StrEnum):
    YOLOX = "yolox"  # (N, 5 + C) raw grid offsets, objectness, class scores (sigmoid applied)
    YOLOV8 = "yolov8"  # (4 + C, N) or (N, 4 + C) centre x/y, w/h in input pixels, class scores (YOLO11 too)


YOLOX_STRIDES = (8, 16, 32)


def yolox_anchor_count(input_size: tuple[int, int], strides: Sequence[int] = YOLOX_STRIDES) -> int:
    height, width = input_size
    return sum((height // stride) * (width // stride) for stride in strides)


@functools.cache
def _yolox_grid(input_size: tuple[int, int], strides: tuple[int, ...]) -> tuple[FloatArray, FloatArray]:
    """Cell coordinates (x, y) and stride of every output row; the same for every frame, so computed once."""
    height, width = input_size
    grids, grid_strides = [], []
    for stride in strides:
        rows, cols = height // stride, width // stride
        ys, xs = np.meshgrid(np.arange(rows), np.arange(cols), indexing="ij")
        grids.append(np.stack([xs.ravel(), ys.ravel()], axis=1))
        grid_strides.append(np.full((rows * cols, 1), stride))
    grid = np.concatenate(grids).astype(np.float32)
    grid.flags.writeable = False
    stride_column = np.concatenate(grid_strides).astype(np.float32)
    stride_column.flags.writeable = False
    return grid, stride_column


def decode_yolox(
    raw: np.ndarray,
    input_size: tuple[int, int],
    strides: Sequence[int] = YOLOX_STRIDES,
    min_objectness: float = 0.0,
) -> tuple[FloatArray, FloatArray]:
    """YOLOX head output (N, 5 + C) → boxes (M, 4) x1y1x2y2 and class scores (M, C) = objectness · p_class.

    Only the M rows with objectness ≥ `min_objectness` are decoded, in their order (all rows by default):
    a class score never exceeds its row's objectness, so a caller with a score threshold loses nothing.
    """
    height, width = input_size
    expected = yolox_anchor_count(input_size, strides)
    if raw.ndim != 2 or raw.shape[0] != expected or raw.shape[1] < 6:
        raise ValueError(
            f"YOLOX output must be ({expected}, 5 + classes) for input {height}x{width}, got {raw.shape}"
        )
    grid, stride_column = _yolox_grid(input_size, tuple(strides))
    if min_objectness > 0:
        rows = np.flatnonzero(raw[:, 4] >= min_objectness)
        raw, grid, stride_column = raw[rows], grid[rows], stride_column[rows]
    centres = (raw[:, :2] + grid) * stride_column
    sizes = np.exp(raw[:, 2:4]) * stride_column
    boxes = np.concatenate([centres - sizes / 2, centres + sizes / 2], axis=1)
    scores = raw[:, 4:5] * raw[:, 5:]
    return boxes.astype(np.float32), scores.astype(np.float32)


def decode_yolov8(raw: np.ndarray, num_classes: int | None = None) -> tuple[FloatArray, FloatArray]:
    """YOLOv8/YOLO11 output → boxes (N, 4) x1y1x2y2 and class scores (N, C).

    The Ultralytics export lays the tensor out channels-first, (4 + C, N); some exports transpose it.
    With `num_classes` given the layout is certain; otherwise the shorter axis is taken as the channels.
    """
    if raw.ndim != 2:
        raise ValueError(f"YOLOv8 output must be 2-D per image, got shape {raw.shape}")
    if num_classes is not None:
        channels = 4 + num_classes
        if raw.shape[0] == channels:
            rows = raw.T
        elif raw.shape[1] == channels:
            rows = raw
        else:
            raise ValueError(f"YOLOv8 output {raw.shape} has no axis of 4 + {num_classes} classes")
    else:
        rows = raw.T if raw.shape[0] < raw.shape[1] else raw
    if rows.shape[1] < 5:
        raise ValueError(f"YOLOv8 output {raw.shape} has fewer than 5 channels")
    centres, sizes = rows[:, :2], rows[:, 2:4]
    boxes = np.concatenate([centres - sizes / 2, centres + sizes / 2], axis=1)
    return boxes.astype(np.float32), np.ascontiguousarray(rows[:, 4:], dtype=np.float32)


def select_detections(
    boxes: FloatArray,
    class_scores: FloatArray,
    class_map: Mapping[int, str],
    score_threshold: float,
    iou_threshold: float,
) -> tuple[FloatArray, FloatArray, list[str]]:
    """Best kept class per box, score threshold, then non-maximum suppression within each class."""
    kept_ids = np.array(sorted(class_map), dtype=np.int64)
    if len(boxes) == 0 or len(kept_ids) == 0:
        return np.zeros((0, 4), np.float32), np.zeros(0, np.float32), []
    kept_scores = class_scores[:, kept_ids]
    best = kept_scores.argmax(axis=1)
    scores = kept_scores[np.arange(len(best)), best]
    candidates = np.flatnonzero(scores >= score_threshold)
    if len(candidates) == 0:
        return np.zeros((0, 4), np.float32), np.zeros(0, np.float32), []
    cand_boxes = boxes[candidates]
    xywh = np.concatenate([cand_boxes[:, :2], cand_boxes[:, 2:] - cand_boxes[:, :2]], axis=1)
    class_ids = kept_ids[best[candidates]]
    keep = cv2.dnn.NMSBoxesBatched(
        xywh.tolist(), scores[candidates].tolist(), class_ids.tolist(), score_threshold, iou_threshold
    )
    keep_index = candidates[np.asarray(keep, dtype=np.intp).ravel()]
    keep_index = keep_index[np.argsort(-scores[keep_index], kind="stable")]
    labels = [class_map[int(kept_ids[best[i]])] for i in keep_index]
    return boxes[keep_index].astype(np.float32), scores[keep_index].astype(np.float32), labels
