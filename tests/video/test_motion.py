"""MotionDetector: background subtraction at reduced resolution with ignore masks."""

from __future__ import annotations

import numpy as np
import pytest

from safecity.video.motion import MotionDetector
from safecity.video.motion import MotionSettings
from safecity.video.synthetic import MovingObject
from safecity.video.synthetic import SyntheticScene

SIZE = (640, 360)


def noisy_background(rng: np.random.Generator) -> np.ndarray:
    base = np.full((360, 640, 3), 140, np.float32)
    return np.clip(base + rng.normal(0, 3, base.shape), 0, 255).astype(np.uint8)


def test_a_static_noisy_scene_has_no_motion_after_calibration() -> None:
    rng = np.random.default_rng(1)
    detector = MotionDetector(SIZE)
    results = [detector.detect(noisy_background(rng)) for _ in range(30)]
    assert results[0].calibrating
    assert not any(result.has_motion for result in results[2:])


def test_a_moving_object_is_boxed_where_it_is() -> None:
    scene = SyntheticScene(objects=[MovingObject("person", (30, 60), (100, 180), (500, 180), 0.0, 3.0)])
    detector = MotionDetector(SIZE)
    background = scene.render(-1.0)
    for _ in range(3):
        detector.detect(background)
    result = detector.detect(scene.render(1.5))
    (_, truth), *_ = scene.boxes_at(1.5)
    assert result.has_motion
    assert not result.calibrating
    x1, y1, x2, y2 = result.boxes[0]
    assert x1 <= truth[0] + 4
    assert y1 <= truth[1] + 4
    assert x2 >= truth[2] - 4
    assert y2 >= truth[3] - 4
    assert (x2 - x1) < 3 * (truth[2] - truth[0])


def test_motion_inside_an_ignore_polygon_is_not_reported() -> None:
    scene = SyntheticScene(objects=[MovingObject("person", (30, 60), (100, 180), (500, 180), 0.0, 3.0)])
    mask = [[(0, 100), (640, 100), (640, 260), (0, 260)]]
    detector = MotionDetector(SIZE, ignore_polygons=mask)
    for t in np.arange(-0.5, 3.0, 0.1):
        result = detector.detect(scene.render(float(t)))
    assert not result.has_motion


def test_a_sudden_global_change_recalibrates_instead_of_reporting_motion() -> None:
    rng = np.random.default_rng(2)
    detector = MotionDetector(SIZE)
    for _ in range(5):
        detector.detect(noisy_background(rng))
    flash = np.full((360, 640, 3), 250, np.uint8)
    result = detector.detect(flash)
    assert result.calibrating
    assert not result.has_motion
    assert result.changed_fraction > 0.8


def test_small_changes_below_the_minimum_area_are_ignored() -> None:
    rng = np.random.default_rng(3)
    detector = MotionDetector(SIZE, MotionSettings(min_area=0.01))
    for _ in range(3):
        detector.detect(noisy_background(rng))
    image = noisy_background(rng)
    image[100:106, 100:106] = 0  # a 6x6 speck: far below 1 % of the frame
    assert not detector.detect(image).has_motion


def test_frame_size_must_not_change() -> None:
    detector = MotionDetector(SIZE)
    with pytest.raises(ValueError, match="frame size changed"):
        detector.detect(np.zeros((100, 100, 3), np.uint8))


def test_bad_mask_polygon_is_rejected() -> None:
    with pytest.raises(ValueError, match="at least 3 points"):
        MotionDetector(SIZE, ignore_polygons=[[(0, 0), (1, 1)]])
