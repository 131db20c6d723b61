"""Motion detection by background subtraction at reduced resolution, with per-camera ignore masks.

The approach follows Frigate's improved motion detector: grey, shrink, blur, compare with a running-average
background, threshold, dilate, and report the bounding boxes of large enough changed areas. A sudden change
over most of the picture (lightning, IR switching, auto exposure) is treated as a re-calibration, not motion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field

from safecity.video.frame import PixelBox

# Motion lasting this many frames is learnt into the background everywhere: it is a ghost left where an
# object stood when the background was taken, or a change that stays (a parked car).
PERSISTENT_MOTION_FRAMES = 10
DILATE_KERNEL = np.ones((3, 3), np.uint8)

PixelPolygon = Sequence[tuple[float, float]]


class MotionSettings(BaseModel):
    """Tuning for one camera's motion detector; the defaults suit typical street CCTV."""

    model_config = ConfigDict(extra="forbid")

    frame_height: int = Field(120, ge=32, le=1080, description="height of the reduced motion image")
    threshold: int = Field(25, ge=1, le=255, description="grey-level change that counts as motion")
    min_area: float = Field(
        0.0005, gt=0, lt=1, description="smallest changed area counted as motion, as a fraction of the frame"
    )
    background_alpha: float = Field(0.05, gt=0, le=1, description="how fast the background follows the scene")
    lightning_fraction: float = Field(
        0.8, gt=0, le=1, description="changed fraction above which the change is treated as a re-calibration"
    )


@dataclass(frozen=True, slots=True)
class MotionResult:
    boxes: list[PixelBox]
    changed_fraction: float
    calibrating: bool

    @property
    def has_motion(self) -> bool:
        return bool(self.boxes)


class MotionDetector:
    """Detects motion areas in successive frames of one camera (the frame size must stay constant)."""

    def __init__(
        self,
        frame_size: tuple[int, int],
        settings: MotionSettings | None = None,
        ignore_polygons: Sequence[PixelPolygon] = (),
    ) -> None:
        width, height = frame_size
        if width <= 0 or height <= 0:
            raise ValueError(f"frame size must be positive, got {frame_size}")
        self.settings = settings or MotionSettings()
        self.frame_size = (width, height)
        small_h = min(self.settings.frame_height, height)
        small_w = max(1, round(width * small_h / height))
        self.small_size = (small_w, small_h)
        self.scale = (width / small_w, height / small_h)
        self.keep = self._keep_mask(ignore_polygons)
        self.background: np.ndarray | None = None
        self.calibrating = True
        self.motion_streak = 0

    def _keep_mask(self, ignore_polygons: Sequence[PixelPolygon]) -> np.ndarray | None:
        if not ignore_polygons:
            return None
        mask = np.full((self.small_size[1], self.small_size[0]), 255, np.uint8)
        for polygon in ignore_polygons:
            if len(polygon) < 3:
                raise ValueError(f"a motion mask polygon needs at least 3 points, got {len(polygon)}")
            points = np.array(
                [(x / self.scale[0], y / self.scale[1]) for x, y in polygon], dtype=np.float32
            ).round()
            cv2.fillPoly(mask, [points.astype(np.int32)], 0)
        return mask

    def detect(self, image: np.ndarray) -> MotionResult:
        if (image.shape[1], image.shape[0]) != self.frame_size:
            raise ValueError(
                f"frame size changed from {self.frame_size} to {(image.shape[1], image.shape[0])}"
            )
        # Shrink first by sampling (as Frigate does: it reads a fraction of the frame's memory, far cheaper
        # than area averaging), then grey and blur the small image, which also smooths sensor noise.
        small = cv2.resize(image, self.small_size, interpolation=cv2.INTER_NEAREST)
        if small.ndim == 3:
            small = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
        small = cv2.GaussianBlur(small, (3, 3), 0)
        if self.keep is not None:
            small = cv2.bitwise_and(small, self.keep)
        if self.background is None:
            self.background = small.astype(np.float32)
            return MotionResult([], 0.0, True)

        delta = cv2.absdiff(small, cv2.convertScaleAbs(self.background))
        _, changed = cv2.threshold(delta, self.settings.threshold, 255, cv2.THRESH_BINARY)
        changed = cv2.dilate(changed, DILATE_KERNEL, iterations=2)
        contours, _ = cv2.findContours(changed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        total_area = float(self.small_size[0] * self.small_size[1])
        min_area = self.settings.min_area * total_area
        boxes: list[PixelBox] = []
        changed_area = 0.0
        for contour in contours:
            area = cv2.contourArea(contour)
            changed_area += area
            if area >= min_area:
                x, y, w, h = cv2.boundingRect(contour)
                boxes.append(self._to_frame((x, y, x + w, y + h)))
        fraction = changed_area / total_area

        if fraction > self.settings.lightning_fraction:
            self.calibrating = True
        elif self.calibrating and fraction < 0.05:
            self.calibrating = False
        if self.calibrating:
            boxes = []
        self._learn(small, changed, has_motion=bool(boxes))
        return MotionResult(boxes, fraction, self.calibrating)

    def _learn(self, small: np.ndarray, changed: np.ndarray, has_motion: bool) -> None:
        assert self.background is not None
        self.motion_streak = self.motion_streak + 1 if has_motion else 0
        alpha = self.settings.background_alpha
        if self.calibrating:
            cv2.accumulateWeighted(small, self.background, 0.5)
        elif not has_motion or self.motion_streak >= PERSISTENT_MOTION_FRAMES:
            cv2.accumulateWeighted(small, self.background, alpha)
        else:
            # Learn only around the movers, so a walker is not absorbed into the background while
            # lighting changes elsewhere still are.
            cv2.accumulateWeighted(small, self.background, alpha, mask=cv2.bitwise_not(changed))

    def _to_frame(self, box: PixelBox) -> PixelBox:
        sx, sy = self.scale
        width, height = self.frame_size
        x1, y1, x2, y2 = box
        return (
            max(0, int(x1 * sx)),
            max(0, int(y1 * sy)),
            min(width, int(np.ceil(x2 * sx))),
            min(height, int(np.ceil(y2 * sy))),
        )
