"""Speed from a ground-plane calibration: an image→metres homography applied to a track's ground point."""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from safecity.vision.geometry import Point
from safecity.vision.tracking import Track

SPEED_WINDOW_SECONDS = 1.0
MIN_SPAN_SECONDS = 0.4


class GroundPlane:
    def __init__(self, image_points: Sequence[Point], world_points: Sequence[Point]) -> None:
        homography, _ = cv2.findHomography(
            np.array(image_points, np.float64), np.array(world_points, np.float64), method=0
        )
        if homography is None or abs(np.linalg.det(homography)) < 1e-12:
            raise ValueError("calibration points do not define a ground plane (are three of them collinear?)")
        self.homography = homography

    def to_world(self, points: Sequence[Point]) -> np.ndarray:
        array = np.array(points, np.float64).reshape(-1, 1, 2)
        return cv2.perspectiveTransform(array, self.homography).reshape(-1, 2)

    def speed_kmh(self, track: Track) -> float | None:
        """Ground speed over the last second of the track's path, or None if the path is too short."""
        if len(track.path) < 2:
            return None
        end_t, end_x, end_y = track.path[-1]
        earlier = [point for point in track.path if point[0] <= end_t - MIN_SPAN_SECONDS]
        if not earlier:
            return None
        in_window = [point for point in earlier if point[0] >= end_t - SPEED_WINDOW_SECONDS]
        start_t, start_x, start_y = in_window[0] if in_window else earlier[-1]
        world = self.to_world([(start_x, start_y), (end_x, end_y)])
        metres = float(np.linalg.norm(world[1] - world[0]))
        return metres / (end_t - start_t) * 3.6
