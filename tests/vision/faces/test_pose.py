import math

import numpy as np
import pytest

from safecity.vision.faces.landmarks import NOSE_DEPTH_RATIO
from safecity.vision.faces.landmarks import FaceLandmarks
from safecity.vision.faces.landmarks import estimate_pose


def landmarks(
    left_eye: tuple[float, float], right_eye: tuple[float, float], nose: tuple[float, float]
) -> FaceLandmarks:
    corners = [(right_eye[0] + 5, right_eye[1]), (right_eye[0] - 5, right_eye[1])]
    corners += [(left_eye[0] - 5, left_eye[1]), (left_eye[0] + 5, left_eye[1])]
    return FaceLandmarks(np.array([*corners, nose], dtype=np.float32))


def test_frontal_face_has_no_yaw_or_roll() -> None:
    pose = estimate_pose(landmarks((100, 100), (160, 100), (130, 140)))
    assert pose.yaw_deg == pytest.approx(0.0, abs=1e-6)
    assert pose.roll_deg == pytest.approx(0.0, abs=1e-6)


def test_nose_off_the_midline_means_a_turned_head() -> None:
    shift = 0.3 * 60
    pose = estimate_pose(landmarks((100, 100), (160, 100), (130 + shift, 140)))
    assert pose.yaw_deg == pytest.approx(math.degrees(math.atan(0.3 / NOSE_DEPTH_RATIO)), abs=0.1)
    assert estimate_pose(landmarks((100, 100), (160, 100), (130 - shift, 140))).yaw_deg < -30


def test_sloping_eye_line_is_roll() -> None:
    pose = estimate_pose(landmarks((100, 100), (150, 150), (110, 140)))
    assert pose.roll_deg == pytest.approx(45.0, abs=0.1)
    assert abs(pose.yaw_deg) < 1.0
