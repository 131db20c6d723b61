"""Dedicated plate detectors (shared y5fu / LPD-YuNet models; skipped when absent) and the registry hook."""

from __future__ import annotations

import shutil
from pathlib import Path

import cv2
import numpy as np
import pytest
from tests.conftest import shared_path
from tests.vision.plates.scenes import street_with_vehicles
from tests.vision.plates.synthetic import sindh_plate

from safecity.vision.models import ModelRegistry
from safecity.vision.plates.installed import find_installed_plate_detector
from safecity.vision.plates.plate_detector import PlateBox
from safecity.vision.plates.plate_detector import open_plate_detector


def overlaps(found: PlateBox, box: tuple[int, int, int, int]) -> bool:
    x1, y1, x2, y2 = found.box
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def test_y5fu_finds_the_plate_on_a_vehicle_and_nothing_on_a_vehicle_without_one() -> None:
    detector = open_plate_detector(shared_path("models/y5fu_320x_sim.onnx"), "y5fu")
    scene = street_with_vehicles([(sindh_plate("AVV", "584"), "AVV584"), (None, None)], seed=7)
    with_plate, without = scene.vehicles
    x1, y1, x2, y2 = with_plate.box

    [best, *_] = detector.find(scene.image[y1:y2, x1:x2])
    assert overlaps(best.shifted(x1, y1), with_plate.plate_box)
    assert best.width >= 60
    x1, y1, x2, y2 = without.box
    assert all(plate.score < 0.2 for plate in detector.find(scene.image[y1:y2, x1:x2]))


def test_lpd_yunet_boxes_a_real_plate() -> None:
    detector = open_plate_detector(
        shared_path("models/license_plate_detection_lpd_yunet_2023mar.onnx"), "lpd-yunet"
    )
    plate = cv2.imread(str(shared_path("data/plates-pk/images/punjab_000.jpg")))
    height, width = plate.shape[:2]
    canvas = np.full((2 * height, 2 * width, 3), 128, np.uint8)
    canvas[height // 2 : height // 2 + height, width // 2 : width // 2 + width] = plate

    [best, *_] = detector.find(canvas)
    assert overlaps(best, (width // 2, height // 2, width // 2 + width, height // 2 + height))
    assert best.width > width / 2


def test_an_unknown_output_format_is_named() -> None:
    with pytest.raises(ValueError, match="unknown plate detector format 'ssd'"):
        open_plate_detector(Path("/nonexistent.onnx"), "ssd")


def test_the_reader_gets_the_registry_plate_detector_or_the_reason(tmp_path: Path) -> None:
    detector, reason = find_installed_plate_detector(tmp_path)
    assert detector is None
    assert "safecity models fetch y5fu-320" in reason

    model = tmp_path / "incoming" / "y5fu_320x_sim.onnx"
    model.parent.mkdir()
    shutil.copyfile(shared_path("models/y5fu_320x_sim.onnx"), model)
    ModelRegistry(tmp_path).import_file(model, name="y5fu-320", kind="plate-detector", output_format="y5fu")
    detector, reason = find_installed_plate_detector(tmp_path)
    assert detector is not None
    assert reason == ""
