"""PlateReader on synthetic plates (both provinces, one and two lines, blur, tilt, low light) and scenes."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from tests.vision.plates.synthetic import blurred
from tests.vision.plates.synthetic import low_light
from tests.vision.plates.synthetic import punjab_plate
from tests.vision.plates.synthetic import sindh_plate
from tests.vision.plates.synthetic import street_scene
from tests.vision.plates.synthetic import tilted

from safecity.vision.plates import NothingFound
from safecity.vision.plates import PlateBox
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


class FixedPlates:
    """A plate detector that always answers the same plate boxes (image pixels)."""

    def __init__(self, *boxes: tuple[int, int, int, int]) -> None:
        self.boxes = boxes

    def find(self, image: np.ndarray) -> list[PlateBox]:
        return [
            PlateBox(np.array([[x1, y1], [x2, y1], [x2, y2], [x1, y2]], np.float32), 0.9)
            for x1, y1, x2, y2 in self.boxes
        ]


def hooked(reader: PlateReader, detector: FixedPlates) -> PlateReader:
    plates = PlateReader(plate_detector=detector)
    plates._detector, plates._recognizer = reader.detector, reader.recognizer  # share the loaded models
    return plates


def test_plate_detector_hook_is_used(reader: PlateReader) -> None:
    frame = street_scene(sindh_plate("BGC", "771"), at=(300, 500), scale=0.5)
    reads = hooked(reader, FixedPlates((295, 495, 455, 550))).read(frame)
    assert [r.text for r in reads] == ["BGC-771"]
    x1, y1, x2, y2 = reads[0].box
    assert x1 < 300
    assert y1 < 500
    assert x2 > 455
    assert y2 > 550


def test_plates_narrower_than_60_px_are_not_read(reader: PlateReader) -> None:
    small = cv2.resize(sindh_plate("BGC", "771"), (56, 20), interpolation=cv2.INTER_AREA)
    verdict = reader.read_crop_or_reason(small)
    assert isinstance(verdict, NothingFound)
    assert "56 px wide" in verdict.reason
    frame = street_scene(sindh_plate("BGC", "771"), at=(300, 500), scale=0.17)  # a 54 px plate
    vehicle = (180, 340, 480, 580)
    assert hooked(reader, FixedPlates((300, 500, 354, 519))).read(frame, vehicle_boxes=[vehicle]) == []


def test_a_vehicle_without_a_plate_reads_nothing(reader: PlateReader) -> None:
    frame = street_scene(np.zeros((1, 1, 3), np.uint8), at=(300, 500), scale=1.0)
    assert hooked(reader, FixedPlates()).read(frame, vehicle_boxes=[(180, 340, 480, 580)]) == []
    assert reader.read(frame, vehicle_boxes=[(180, 340, 480, 580)]) == []


def test_a_foreign_plate_is_returned_raw_with_format_unknown(reader: PlateReader) -> None:
    plate = np.full((110, 320, 3), 245, np.uint8)
    cv2.putText(plate, "7XKL294", (12, 75), cv2.FONT_HERSHEY_DUPLEX, 1.8, (20, 20, 20), 4, cv2.LINE_AA)
    read = reader.read_crop(plate)
    assert read is not None
    assert (read.text, read.format, read.matched) == ("7XKL294", "unknown", False)


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
