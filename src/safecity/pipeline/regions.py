"""Where to run the detector: square regions around motion (Frigate-style), or the whole frame when cheaper.

A fixed-size detector costs the same per run whatever it is given, so one region beats the whole frame only
by resolution (small objects are not shrunk away), and several regions cost several runs. The plan therefore
uses at most `max_regions` regions and falls back to the whole frame when they would cover most of it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import cv2
import numpy as np

from safecity.video.frame import PixelBox
from safecity.vision.detectors.types import Detections

REGION_MARGIN = 1.2  # a region is this much larger than the motion it covers
FULL_FRAME_COVERAGE = 0.6  # regions covering more than this share of the frame: just detect the frame


def _square_around(box: PixelBox, min_side: int, width: int, height: int) -> PixelBox:
    x1, y1, x2, y2 = box
    side = int(max(min_side, (x2 - x1) * REGION_MARGIN, (y2 - y1) * REGION_MARGIN))
    side_w, side_h = min(side, width), min(side, height)
    cx, cy = (x1 + x2) // 2, (y1 + y2) // 2
    left = min(max(0, cx - side_w // 2), width - side_w)
    top = min(max(0, cy - side_h // 2), height - side_h)
    return left, top, left + side_w, top + side_h


def _overlap(a: PixelBox, b: PixelBox) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _area(box: PixelBox) -> int:
    return (box[2] - box[0]) * (box[3] - box[1])


def _union(a: PixelBox, b: PixelBox) -> PixelBox:
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def plan_regions(
    boxes: Sequence[PixelBox], frame_size: tuple[int, int], min_side: int, max_regions: int = 2
) -> list[PixelBox]:
    """Regions to detect in for these motion/track boxes; `[whole frame]` when that is the cheaper plan."""
    width, height = frame_size
    whole: PixelBox = (0, 0, width, height)
    if not boxes:
        return []
    # Each cluster keeps the union of its boxes, so merging does not grow regions beyond what they cover.
    too_big = FULL_FRAME_COVERAGE * width * height
    clusters = [(box, _square_around(box, min_side, width, height)) for box in boxes]
    merged = True
    while merged:
        merged = False
        for i, j in itertools.combinations(range(len(clusters)), 2):
            if _overlap(clusters[i][1], clusters[j][1]):
                union = _union(clusters[i][0], clusters[j][0])
                region = _square_around(union, min_side, width, height)
                if _area(region) >= too_big:
                    return [whole]  # no need to finish clustering: this region alone is most of the frame
                clusters[i] = (union, region)
                del clusters[j]
                merged = True
                break
    regions = [region for _, region in clusters]
    if len(regions) > max_regions or sum(_area(region) for region in regions) >= too_big:
        return [whole]
    return regions


def merge_region_detections(parts: list[Detections], iou_threshold: float = 0.5) -> Detections:
    """Join detections from overlapping regions, keeping the best box where regions saw the same object."""
    joined = Detections.concatenate(parts)
    if len(parts) <= 1 or len(joined) == 0:
        return joined
    xywh = np.concatenate([joined.boxes[:, :2], joined.boxes[:, 2:] - joined.boxes[:, :2]], axis=1)
    label_ids = {label: index for index, label in enumerate(sorted(set(joined.labels)))}
    keep = cv2.dnn.NMSBoxesBatched(
        xywh.tolist(),
        joined.scores.tolist(),
        [label_ids[label] for label in joined.labels],
        0.0,
        iou_threshold,
    )
    return joined.select(np.asarray(keep, dtype=np.intp).ravel())
