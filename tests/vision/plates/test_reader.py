"""PlateReader on synthetic plates (both provinces, one and two lines, blur, tilt, low light) and scenes."""

from __future__ import annotations

import numpy as np
import pytest
from tests.vision.plates.synthetic import blurred, low_light, punjab_plate, sindh_plate, street_scene, tilted

from safecity.vision.plates import PlateReader


@pytest.fixture(scope="module")
def reader() -> PlateReader:
    return PlateReader()


@pytest.mark.parametrize(
    ("name", "image", "text", "fmt"),
    [
        ("punjab", punjab_plate("LEB", "06", "5700"), "LEB-06-5700", "punjab-legacy"),
        ("sindh", sindh_plate("AVV", "584"), "AVV-584", "sindh"),
        ("punjab blurred", blurred(punjab_plate("RIA", "19", "4821")), "RIA-19-4821", "punjab-legacy"),
        ("sindh tilted", tilted(sindh_plate("BGC", "771")), "BGC-771", "sindh"),
        ("punjab low light", low_light(punjab_plate("FDA", "07", "5289")), "FDA-07-5289", "punjab-legacy"),
        ("sindh all three", low_light(tilted(blurred(sindh_plate("AZU", "290")), -6)), "AZU-290", "sindh"),
    ],
)
def test_reads_plate_crops(reader: PlateReader, name: str, image: np.ndarray, text: str, fmt: str) -> None:
    read = reader.read_crop(image)
    assert read is not None, name
    assert (read.text, read.format, read.matched) == (text, fmt, True)
    assert 0.5 < read.confidence <= 1.0


def test_blank_crop_reads_nothing(reader: PlateReader) -> None:
    assert reader.read_crop(np.full((100, 200, 3), 200, dtype=np.uint8)) is None


def test_finds_the_plate_in_a_720p_frame(reader: PlateReader) -> None:
    frame = street_scene(punjab_plate("LEB", "06", "5700"), at=(600, 450))
    reads = reader.read(frame)
    assert [r.text for r in reads] == ["LEB-06-5700"]
    x1, y1, x2, y2 = reads[0].box
    assert 590 <= x1 < x2 <= 790
    assert 440 <= y1 < y2 <= 550


def test_reads_inside_vehicle_boxes_only(reader: PlateReader) -> None:
    frame = street_scene(sindh_plate("AVV", "584"), at=(300, 500), scale=0.5)
    assert [r.text for r in reader.read(frame, vehicle_boxes=[(150, 300, 650, 620)])] == ["AVV-584"]
    assert reader.read(frame, vehicle_boxes=[(900, 50, 1200, 300)]) == []
    assert reader.read(frame, vehicle_boxes=[(5000, 5000, 6000, 6000)]) == []


def test_plate_detector_hook_is_used(reader: PlateReader) -> None:
    frame = street_scene(sindh_plate("BGC", "771"), at=(300, 500), scale=0.5)
    hooked = PlateReader(plate_detector=lambda image: [(290, 490, 470, 560)])
    hooked._detector, hooked._recognizer = reader.detector, reader.recognizer  # share the loaded models
    reads = hooked.read(frame)
    assert [(r.text, r.box) for r in reads] == [("BGC-771", (290, 490, 470, 560))]


@pytest.mark.parametrize(
    "bad",
    [
        np.zeros((100, 200), dtype=np.uint8),
        np.zeros((100, 200, 3), dtype=np.float32),
        np.zeros((4, 4, 3), np.uint8),
    ],
)
def test_bad_images_are_refused_with_the_reason(reader: PlateReader, bad: np.ndarray) -> None:
    with pytest.raises(ValueError, match=r"BGR uint8|too small"):
        reader.read(bad)
