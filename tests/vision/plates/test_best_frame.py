"""Which view of a vehicle is worth reading: larger, sharper, more frontal."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from safecity.vision.plates.best_frame import BestViews
from safecity.vision.plates.best_frame import view_quality


@pytest.fixture
def textured() -> np.ndarray:
    rng = np.random.default_rng(3)
    return np.asarray(rng.integers(0, 255, (720, 1280, 3)), dtype=np.uint8)


def test_larger_sharper_and_frontal_views_score_higher(textured: np.ndarray) -> None:
    blurred = np.asarray(cv2.GaussianBlur(textured, (0, 0), 4), dtype=np.uint8)
    front = (100, 100, 400, 340)
    assert view_quality(textured, front) > view_quality(textured, (100, 100, 250, 220))
    assert view_quality(textured, front) > view_quality(blurred, front)
    assert view_quality(textured, front) > view_quality(textured, (100, 100, 700, 340))  # a side view
    assert view_quality(textured, (2000, 2000, 2100, 2100)) == 0.0


def test_a_view_is_ready_once_no_better_one_came_for_patience_frames(textured: np.ndarray) -> None:
    views = BestViews(patience=2)
    for box in [(0, 0, 100, 80), (0, 0, 200, 160), (0, 0, 150, 120)]:
        views.offer(1, textured, box, 0.0)
    assert views.ready() == []
    views.offer(1, textured, (0, 0, 150, 120), 0.1)
    [(track_id, view)] = views.ready()
    assert (track_id, view.box) == (1, (0, 0, 200, 160))


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="patience"):
        BestViews(patience=-1)
