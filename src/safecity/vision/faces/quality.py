"""The quality gate: faces too small, blurred, turned, cut off or weakly detected are skipped with reasons.

Matching poor faces is where false alarms come from, so only faces that pass are embedded and searched.
"""

from __future__ import annotations

from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field

import cv2
import numpy as np

from safecity.vision.faces.detection import Detection
from safecity.vision.faces.face_crop import FaceCrop
from safecity.vision.faces.landmarks import estimate_pose

SHARPNESS_SIDE = 96


@dataclass(frozen=True, slots=True)
class QualityThresholds:
    """Limits a face must meet. `min_face_px` is the box width in original-image pixels; `min_sharpness` is
    the variance of the Laplacian of the face resized to 96x96 gray (sharp photos give 100-1700, a Gaussian
    blur of 2% of the face width about 30, 3% about 15)."""

    min_face_px: float = 40.0
    min_sharpness: float = 20.0
    max_abs_yaw_deg: float = 40.0
    max_abs_roll_deg: float = 40.0
    min_visible_fraction: float = 0.6

    @classmethod
    def for_search(cls) -> QualityThresholds:
        """Probe faces from cameras and photos: the defaults."""
        return cls()

    @classmethod
    def for_enrolment(cls) -> QualityThresholds:
        """Gallery faces are kept and searched for a long time, so they must be larger, frontal and whole."""
        return cls(
            min_face_px=80.0,
            min_sharpness=30.0,
            max_abs_yaw_deg=25.0,
            max_abs_roll_deg=25.0,
            min_visible_fraction=0.95,
        )


@dataclass(frozen=True, slots=True)
class QualityReport:
    """Measured quality of one face, whether it passed, why not, and a 0-1 `score` for ranking faces."""

    face_px: float
    sharpness: float
    yaw_deg: float
    roll_deg: float
    detector_score: float
    visible_fraction: float
    passed: bool
    score: float
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        for key in (
            "face_px",
            "sharpness",
            "yaw_deg",
            "roll_deg",
            "detector_score",
            "visible_fraction",
            "score",
        ):
            data[key] = round(float(data[key]), 3)
        return data


def assess_quality(
    crop: FaceCrop, detection: Detection, image_size: tuple[int, int], thresholds: QualityThresholds
) -> QualityReport:
    """Measure one face and compare it with `thresholds` (image_size is (width, height))."""
    face_px = detection.box.width
    sharpness = measure_sharpness(crop)
    pose = estimate_pose(crop.landmarks)
    visible = detection.box.visible_fraction(*image_size)
    reasons = []
    if face_px < thresholds.min_face_px:
        reasons.append(f"face too small ({face_px:.0f} px < {thresholds.min_face_px:.0f} px)")
    if sharpness < thresholds.min_sharpness:
        reasons.append(f"face too blurred (sharpness {sharpness:.1f} < {thresholds.min_sharpness:.1f})")
    if abs(pose.yaw_deg) > thresholds.max_abs_yaw_deg:
        reasons.append(
            f"face turned too far (yaw {pose.yaw_deg:.0f} deg, limit {thresholds.max_abs_yaw_deg:.0f})"
        )
    if abs(pose.roll_deg) > thresholds.max_abs_roll_deg:
        reasons.append(
            f"face tilted too far (roll {pose.roll_deg:.0f} deg, limit {thresholds.max_abs_roll_deg:.0f})"
        )
    if visible < thresholds.min_visible_fraction:
        reasons.append(f"face cut by the image edge ({visible:.0%} visible)")
    if detection.score < detection.min_score:
        reasons.append(
            f"weak detection ({detection.detector} score {detection.score:.3f} < {detection.min_score:.3f})"
        )
    score = _ranking_score(face_px, sharpness, pose.yaw_deg, visible, thresholds)
    return QualityReport(
        face_px=face_px,
        sharpness=sharpness,
        yaw_deg=pose.yaw_deg,
        roll_deg=pose.roll_deg,
        detector_score=detection.score,
        visible_fraction=visible,
        passed=not reasons,
        score=score,
        reasons=reasons,
    )


def measure_sharpness(crop: FaceCrop) -> float:
    """Variance of the Laplacian of the visible face box, resized to a fixed size so all sizes compare."""
    height, width = crop.bgr.shape[:2]
    inside = crop.box.clipped(width, height)
    if inside is None:
        return 0.0
    x1, y1, x2, y2 = (round(v) for v in (inside.x1, inside.y1, inside.x2, inside.y2))
    gray = cv2.cvtColor(crop.bgr[y1:y2, x1:x2], cv2.COLOR_BGR2GRAY)
    if gray.size == 0:
        return 0.0
    shrinking = gray.shape[0] > SHARPNESS_SIDE
    interpolation = cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR
    resized = cv2.resize(gray, (SHARPNESS_SIDE, SHARPNESS_SIDE), interpolation=interpolation).astype(
        np.float32
    )
    return float(cv2.Laplacian(resized, cv2.CV_32F).var())


def _ranking_score(
    face_px: float, sharpness: float, yaw_deg: float, visible: float, thresholds: QualityThresholds
) -> float:
    # Each factor saturates at a level beyond which the embedder gains little: 112 px faces (the usual
    # recogniser input), sharpness five times the minimum, a frontal pose, the whole face in view.
    size = min(1.0, face_px / 112.0)
    sharp = min(1.0, sharpness / (5.0 * thresholds.min_sharpness))
    frontal = max(0.0, float(np.cos(np.radians(yaw_deg))))
    return size * sharp * frontal * min(1.0, visible)
