"""Five facial landmarks (dlib: the corners of each eye and the nose base) and the head pose they imply."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import dlib
import numpy as np

from safecity.vision.boxes import Box
from safecity.vision.faces import dlib_models
from safecity.vision.faces.detection import Points

# Depth of the nose base in front of the eye corners, as a share of the distance between the eye centres.
# Anthropometric average; it turns the nose's sideways shift into an approximate yaw angle.
NOSE_DEPTH_RATIO = 0.5


@dataclass(frozen=True, slots=True)
class FaceLandmarks:
    """dlib 5-point landmarks in pixels: rows 0-1 one eye's corners, 2-3 the other's, 4 the nose base."""

    points: Points

    def shifted(self, dx: float, dy: float) -> FaceLandmarks:
        return FaceLandmarks((self.points + np.array([dx, dy], dtype=np.float32)).astype(np.float32))

    @property
    def eye_centres(self) -> tuple[np.ndarray, np.ndarray]:
        """(image-left eye, image-right eye) centres."""
        first, second = self.points[0:2].mean(axis=0), self.points[2:4].mean(axis=0)
        return (first, second) if first[0] <= second[0] else (second, first)

    @property
    def nose(self) -> np.ndarray:
        return self.points[4]

    @property
    def eye_distance(self) -> float:
        left, right = self.eye_centres
        return float(np.linalg.norm(right - left))


@dataclass(frozen=True, slots=True)
class Pose:
    """Approximate head pose in degrees: yaw (turn left/right) and roll (tilt in the image plane)."""

    yaw_deg: float
    roll_deg: float


def fit_landmarks(rgb: np.ndarray, box: Box) -> FaceLandmarks:
    """Fit the 5-point model inside `box` of an RGB uint8 image (box in that image's pixels)."""
    rect = dlib.rectangle(round(box.x1), round(box.y1), round(box.x2) - 1, round(box.y2) - 1)
    shape = dlib_models.five_point_predictor()(rgb, rect)
    points = np.array([[p.x, p.y] for p in shape.parts()], dtype=np.float32)
    return FaceLandmarks(points)


def to_dlib_shape(landmarks: FaceLandmarks, box: Box) -> Any:
    """The landmarks as a dlib.full_object_detection, the form dlib's chip extractor takes."""
    rect = dlib.rectangle(round(box.x1), round(box.y1), round(box.x2) - 1, round(box.y2) - 1)
    parts = dlib.points([dlib.point(round(float(x)), round(float(y))) for x, y in landmarks.points])
    return dlib.full_object_detection(rect, parts)


def estimate_pose(landmarks: FaceLandmarks) -> Pose:
    """Yaw from how far the nose base sits off the eyes' midline, roll from the slope of the eye line.

    Five points cannot give pitch reliably, so pitch is not estimated; strongly pitched faces are usually
    missed by the frontal detectors or fail the blur and size checks.
    """
    left, right = landmarks.eye_centres
    eye_vector = right - left
    eye_distance = float(np.linalg.norm(eye_vector))
    if eye_distance < 1e-6:
        return Pose(yaw_deg=90.0, roll_deg=0.0)
    roll = math.degrees(math.atan2(float(eye_vector[1]), float(eye_vector[0])))
    along_eyes = eye_vector / eye_distance
    offset = float(np.dot(landmarks.nose - (left + right) / 2, along_eyes)) / eye_distance
    yaw = math.degrees(math.atan(offset / NOSE_DEPTH_RATIO))
    return Pose(yaw_deg=yaw, roll_deg=roll)
