"""Region planning around motion, and merging detections from overlapping regions."""

from __future__ import annotations

import numpy as np

from safecity.pipeline.regions import merge_region_detections
from safecity.pipeline.regions import plan_regions
from safecity.vision.detectors.types import Detections

FRAME = (1920, 1080)


def test_no_motion_means_no_region() -> None:
    assert plan_regions([], FRAME, 416) == []


def test_a_small_motion_gets_one_square_region_of_the_model_size_around_it() -> None:
    (region,) = plan_regions([(1000, 500, 1040, 600)], FRAME, 416)
    x1, y1, x2, y2 = region
    assert x2 - x1 == y2 - y1 == 416
    assert x1 <= 1000
    assert y1 <= 500
    assert x2 >= 1040
    assert y2 >= 600


def test_regions_stay_inside_the_frame() -> None:
    (region,) = plan_regions([(0, 0, 20, 20)], FRAME, 416)
    assert region == (0, 0, 416, 416)


def test_overlapping_motion_merges_into_one_region() -> None:
    regions = plan_regions([(1000, 500, 1040, 600), (1100, 520, 1140, 620)], FRAME, 416)
    assert len(regions) == 1


def test_too_many_regions_fall_back_to_the_whole_frame() -> None:
    corners = [(0, 0, 10, 10), (1900, 0, 1910, 10), (0, 1060, 10, 1070)]
    assert plan_regions(corners, FRAME, 416, max_regions=2) == [(0, 0, 1920, 1080)]


def test_regions_covering_most_of_a_small_frame_become_the_whole_frame() -> None:
    assert plan_regions([(300, 200, 340, 260)], (640, 360), 416) == [(0, 0, 640, 360)]


def test_the_same_object_seen_by_two_regions_is_kept_once() -> None:
    a = Detections(np.array([[10, 10, 50, 90]], np.float32), np.array([0.8], np.float32), ("person",))
    b = Detections(np.array([[11, 10, 50, 91]], np.float32), np.array([0.9], np.float32), ("person",))
    c = Detections(np.array([[200, 10, 250, 90]], np.float32), np.array([0.7], np.float32), ("person",))
    merged = merge_region_detections([a, b, c])
    assert len(merged) == 2
    assert sorted(merged.scores.tolist()) == [np.float32(0.7), np.float32(0.9)]
