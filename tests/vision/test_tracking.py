"""ObjectTracker: stable ids per camera, class vote, history, snapshots and track ends."""

from __future__ import annotations

import numpy as np
import pytest

from safecity.video.frame import Frame
from safecity.vision.detectors.types import Detections
from safecity.vision.tracking import ObjectTracker
from safecity.vision.tracking import TrackerSettings


def frame(index: int, fps: float = 10.0) -> Frame:
    image = np.full((240, 320, 3), 100, np.uint8)
    return Frame("cam", index, 1000.0 + index / fps, index / fps, image)


def detections(*objects: tuple[str, float, float, float]) -> Detections:
    """(label, x, y, score) → a 20x40 box with its top-left at x, y."""
    boxes = np.array([[x, y, x + 20, y + 40] for _, x, y, _ in objects], np.float32).reshape(-1, 4)
    return Detections(boxes, np.array([s for *_, s in objects], np.float32), tuple(o[0] for o in objects))


def test_two_moving_objects_keep_their_own_ids() -> None:
    tracker = ObjectTracker(fps=10)
    seen: dict[str, set[int]] = {"left": set(), "right": set()}
    for i in range(20):
        update = tracker.update(
            detections(("person", 10 + 3 * i, 50, 0.9), ("car", 250 - 3 * i, 150, 0.8)), frame(i)
        )
        for track in update.updated:
            seen["left" if track.label == "person" else "right"].add(track.track_id)
    assert len(seen["left"]) == 1
    assert len(seen["right"]) == 1
    assert seen["left"] != seen["right"]


def test_track_keeps_history_first_last_seen_and_a_snapshot() -> None:
    tracker = ObjectTracker(fps=10)
    for i in range(10):
        tracker.update(detections(("person", 10 + 5 * i, 50, 0.9)), frame(i))
    (track,) = tracker.active
    assert track.first_seen == pytest.approx(1000.1)  # confirmed (and given an id) on its second detection
    assert track.last_seen == pytest.approx(1000.9)
    assert len(track.path) >= 9
    assert track.anchor == pytest.approx((track.box[0] + 10, track.box[3]), abs=0.5)
    assert track.best_snapshot is not None
    assert track.best_snapshot.shape[2] == 3


def test_class_is_the_majority_of_the_detections() -> None:
    tracker = ObjectTracker(fps=10)
    labels = ["car"] * 7 + ["truck"] * 3
    for i, label in enumerate(labels):
        tracker.update(detections((label, 10 + 2 * i, 50, 0.9)), frame(i))
    assert tracker.active[0].label == "car"


def test_track_ends_after_the_lost_time_and_counts_by_class() -> None:
    tracker = ObjectTracker(fps=10, settings=TrackerSettings(lost_seconds=1.0))
    for i in range(5):
        tracker.update(detections(("person", 10 + 2 * i, 50, 0.9)), frame(i))
    ended = []
    for i in range(5, 30):
        ended.extend(tracker.update(Detections.empty(), frame(i)).ended)
    assert [track.label for track in ended] == ["person"]
    assert tracker.active == []
    assert tracker.ended_total == {"person": 1}


def test_low_confidence_noise_does_not_start_tracks() -> None:
    tracker = ObjectTracker(fps=10)
    for i in range(10):
        tracker.update(detections(("person", 100, 100, 0.2)), frame(i))
    assert tracker.active == []


def test_finish_ends_every_open_track() -> None:
    tracker = ObjectTracker(fps=10)
    for i in range(3):
        tracker.update(detections(("person", 10, 50, 0.9), ("car", 200, 50, 0.9)), frame(i))
    assert len(tracker.finish()) == 2
    assert tracker.active == []


def test_fps_must_be_positive() -> None:
    with pytest.raises(ValueError, match="fps must be positive"):
        ObjectTracker(fps=0)
