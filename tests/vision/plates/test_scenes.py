"""Plates read from whole generated street scenes: the reader is given the vehicles' boxes, as the pipeline
gives it the detector's tracked cars. Labels come from construction (tests/vision/plates/scenes.py)."""

from __future__ import annotations

import pytest
from tests.conftest import shared_path
from tests.vision.plates.scenes import street_with_vehicles
from tests.vision.plates.synthetic import punjab_plate
from tests.vision.plates.synthetic import sindh_plate

from safecity.vision.plates import PlateReader
from safecity.vision.plates import PlateReaderConfig
from safecity.vision.plates.plate_detector import open_plate_detector

PLATES = [
    (sindh_plate("AVV", "584"), "AVV584"),
    (punjab_plate("LEB", "06", "5700"), "LEB5700"),
    (sindh_plate("BGC", "771"), "BGC771"),
    (punjab_plate("RIA", "19", "4821"), "RIA4821"),
]


@pytest.fixture(scope="module")
def reader() -> PlateReader:
    detector = open_plate_detector(shared_path("models/y5fu_320x_sim.onnx"), "y5fu")
    return PlateReader(PlateReaderConfig(threads=1), plate_detector=detector)


def test_plates_of_the_vehicles_in_generated_scenes_are_read_and_plateless_cars_give_nothing(
    reader: PlateReader,
) -> None:
    right, plated, false_reads = 0, 0, []
    for seed, index in enumerate(range(0, len(PLATES), 2)):
        scene = street_with_vehicles([PLATES[index], PLATES[index + 1], (None, None)], seed=seed)
        for vehicle in scene.vehicles:
            keys = [read.key for read in reader.read(scene.image, vehicle_boxes=[vehicle.box])]
            if vehicle.plate_key is None:
                false_reads.extend(keys)
            else:
                plated += 1
                right += vehicle.plate_key in keys
    assert false_reads == []
    assert right >= plated - 1, f"{right} of {plated} plates read"
