"""Hotlist helpers: normal forms, distance and matching that forgive OCR confusions."""

from __future__ import annotations

import pytest

from safecity.vision.plates import ConfusionTable
from safecity.vision.plates import confusion_skeleton
from safecity.vision.plates import normalize_plate
from safecity.vision.plates import plate_distance
from safecity.vision.plates import plates_match


def test_normalize_drops_separators_and_case() -> None:
    assert normalize_plate(" leb-06 5700 ") == "LEB065700"


def test_confusable_reads_share_a_skeleton() -> None:
    assert confusion_skeleton("LEB-06-5700") == confusion_skeleton("LE8-O6-57OD")
    assert confusion_skeleton("AVV-584") != confusion_skeleton("AVV-594")


def test_confusions_cost_less_than_real_differences() -> None:
    assert plate_distance("LEB-5700", "LEB5700") == 0
    assert plate_distance("LEB5700", "LE85700") == pytest.approx(0.25)
    assert plate_distance("LEB5700", "LEC5700") == 1
    assert plate_distance("LEB5700", "LEB570") == 1


def test_match_respects_the_edit_budget() -> None:
    assert plates_match("AVV-584", "AVV584", edit_budget=0)
    assert not plates_match("AVV-584", "AVV-5B4", edit_budget=0)
    assert plates_match("AVV-584", "AVV-5B4", edit_budget=0.5)
    assert not plates_match("AVV-584", "AXV-594", edit_budget=1)
    assert not plates_match("", "", edit_budget=3)


def test_negative_budget_is_rejected() -> None:
    with pytest.raises(ValueError, match="edit_budget"):
        plates_match("A", "A", edit_budget=-1)


def test_custom_confusion_groups() -> None:
    table = ConfusionTable(groups=("4A",))
    assert confusion_skeleton("A4", table) == "44"
    assert plate_distance("LEB-0", "LEB-O", table) == 1
    with pytest.raises(ValueError, match="two confusion groups"):
        ConfusionTable(groups=("0O", "O0"))
