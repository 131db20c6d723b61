"""Accuracy floor on the real Pakistani plate crops in the shared assets (skipped when absent)."""

from __future__ import annotations

import cv2
import pytest
from tests.conftest import shared_path

from safecity.vision.plates import PlateReader


@pytest.mark.slow
def test_real_pakistani_crops_read_series_and_number() -> None:
    folder = shared_path("data/plates-pk")
    rows = [
        line.rstrip("\n").split("\t")
        for line in (folder / "labels.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ][1:]
    reader = PlateReader()
    correct = 0
    for file_name, series, _year, number, _hard in rows:
        read = reader.read_crop(cv2.imread(str(folder / "images" / file_name)))
        correct += read is not None and read.key == series + number
    assert correct / len(rows) >= 0.95
