"""Synthetic scenes: known object boxes over time, rendering, and the colour-key detector."""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from safecity.video.synthetic import MovingObject
from safecity.video.synthetic import SyntheticScene
from safecity.vision.detectors.colour_key import ColourKeyDetector

CAR = MovingObject("car", (60, 30), (100, 200), (500, 200), 1.0, 5.0)


def test_object_moves_in_a_straight_line_between_its_times() -> None:
    assert CAR.box_at(0.5) is None
    assert CAR.box_at(1.0) == (70, 185, 130, 215)
    assert CAR.box_at(3.0) == (270, 185, 330, 215)
    assert CAR.box_at(5.5) is None


def test_unknown_class_and_bad_times_are_rejected() -> None:
    with pytest.raises(ValueError, match="no colour for class 'tank'"):
        MovingObject("tank", (10, 10), (0, 0), (1, 1), 0, 1)
    with pytest.raises(ValueError, match="must be after start_time"):
        MovingObject("car", (10, 10), (0, 0), (1, 1), 2, 1)


def test_frames_have_the_scene_rate_size_and_timestamps() -> None:
    scene = SyntheticScene(width=320, height=180, fps=5, duration=2, objects=[CAR])
    frames = list(scene.frames("cam-1"))
    assert len(frames) == 10
    assert frames[3].pts == pytest.approx(0.6)
    assert frames[3].timestamp == pytest.approx(scene.start_timestamp + 0.6)
    assert frames[0].image.shape == (180, 320, 3)
    assert frames[0].camera_id == "cam-1"


def test_colour_key_detector_finds_the_rendered_boxes_exactly() -> None:
    scene = SyntheticScene(
        objects=[CAR, MovingObject("person", (20, 50), (300, 60), (300, 300), 0.0, 4.0)], noise=3.0
    )
    found = ColourKeyDetector().detect(scene.render(2.0))
    truth = dict(scene.boxes_at(2.0))
    assert sorted(found.labels) == ["car", "person"]
    for box, label in zip(found.boxes, found.labels, strict=True):
        assert tuple(int(v) for v in box) == truth[label]


def test_scene_can_be_written_as_a_video_file(tmp_path: Path) -> None:
    path = tmp_path / "scene.mp4"
    SyntheticScene(width=320, height=180, fps=5, duration=1, objects=[CAR]).write_video(str(path))
    capture = cv2.VideoCapture(str(path))
    assert int(capture.get(cv2.CAP_PROP_FRAME_COUNT)) == 5
    capture.release()
