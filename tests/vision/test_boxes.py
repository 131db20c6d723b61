import pytest

from safecity.vision.boxes import Box
from safecity.vision.boxes import iou


def test_box_scaling_maps_detection_coordinates_back() -> None:
    assert Box(10, 20, 30, 60).scaled(2.0) == Box(20, 40, 60, 120)


def test_box_cut_by_the_edge_reports_its_visible_part() -> None:
    box = Box(-50, 0, 50, 100)
    assert box.clipped(200, 200) == Box(0, 0, 50, 100)
    assert box.visible_fraction(200, 200) == pytest.approx(0.5)
    assert Box(300, 300, 310, 310).clipped(200, 200) is None


def test_an_empty_box_has_no_area_and_no_visible_part() -> None:
    empty = Box(10, 10, 10, 20)
    assert empty.area == 0
    assert empty.visible_fraction(200, 200) == 0.0
    assert iou(empty, empty) == 0.0


def test_a_box_unpacks_and_serialises_as_its_corners() -> None:
    box = Box(1, 2, 3, 4)
    x1, y1, x2, y2 = box
    assert (x1, y1, x2, y2) == (1, 2, 3, 4)
    assert list(box.shifted(10, 20)) == [11, 22, 13, 24]


def test_iou_of_identical_disjoint_and_half_overlapping_boxes() -> None:
    a = Box(0, 0, 10, 10)
    assert iou(a, a) == pytest.approx(1.0)
    assert iou(a, Box(20, 20, 30, 30)) == 0.0
    assert iou(a, Box(5, 0, 15, 10)) == pytest.approx(1 / 3)
