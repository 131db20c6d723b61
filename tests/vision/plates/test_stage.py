"""PlateStage: tracked vehicles in, one voted plate per vehicle pass out (no database, no bus)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from tests.vision.plates.synthetic import punjab_plate
from tests.vision.plates.synthetic import street_scene

from safecity.video.frame import Image
from safecity.video.frame import PixelBox
from safecity.vision.boxes import Box
from safecity.vision.plates import PlateRead
from safecity.vision.plates import PlateReader
from safecity.vision.plates import PlateReaderConfig
from safecity.vision.plates.stage import PlateStage
from safecity.vision.plates.stage import PlateStageConfig
from safecity.vision.plates.stage import TrackedVehicle
from safecity.vision.plates.stage import plate_crop

FRAME = np.zeros((720, 1280, 3), dtype=np.uint8)


def read_of(text: str, box: PixelBox, confidence: float = 0.9, matched: bool = True) -> PlateRead:
    series, year, number = text.split("-")
    return PlateRead(
        text, series, year, number, "punjab-legacy" if matched else None, confidence, box, text, matched
    )


class ScriptedReader:
    """Answers each vehicle box with the reads scripted for it, and records what it was asked."""

    def __init__(self, answers: dict[PixelBox, list[PlateRead]]) -> None:
        self.answers = answers
        self.asked: list[PixelBox] = []

    def read(self, image_bgr: Image, vehicle_boxes: Sequence[PixelBox] | None = None) -> list[PlateRead]:
        assert vehicle_boxes is not None
        assert len(vehicle_boxes) == 1
        self.asked.append(vehicle_boxes[0])
        return list(self.answers.get(vehicle_boxes[0], []))


EVERY_FRAME = PlateStageConfig(read_every_frame=True)

CAR = (100, 100, 500, 400)
BUS = (600, 100, 1000, 500)


def test_reads_of_one_vehicle_across_frames_become_one_pass_when_its_track_ends() -> None:
    reader = ScriptedReader({CAR: [read_of("LEB-06-5700", (200, 300, 300, 350))]})
    stage = PlateStage(reader, "cam-1", EVERY_FRAME)
    car = TrackedVehicle(7, Box(*CAR), "car")

    assert stage.process(FRAME, 10.0, [car]) == []
    assert stage.process(FRAME, 10.2, [car]) == []
    [vehicle_pass] = stage.process(FRAME, 10.4, [car], ended=[7])

    assert (vehicle_pass.camera_id, vehicle_pass.track_id, vehicle_pass.text) == ("cam-1", 7, "LEB-06-5700")
    assert vehicle_pass.reads == 3
    assert vehicle_pass.best_crop is not None
    assert vehicle_pass.best_crop.shape[:2] == (50 + 2 * 8, 100 + 2 * 15)  # plate box plus 15% margin


def test_only_plate_bearing_classes_wide_enough_to_read_are_read() -> None:
    reader = ScriptedReader({})
    stage = PlateStage(reader, "cam-1", PlateStageConfig(min_vehicle_width=50, read_every_frame=True))

    stage.process(
        FRAME,
        1.0,
        [
            TrackedVehicle(1, Box(*CAR), "car"),
            TrackedVehicle(2, Box(0, 0, 300, 600), "person"),
            TrackedVehicle(3, Box(0, 0, 30, 30), "car"),
            TrackedVehicle(4, Box(600.4, 99.6, 1000.2, 500.0), "bus"),
        ],
    )

    assert reader.asked == [CAR, BUS]  # float boxes are rounded to frame pixels


def test_best_read_of_a_frame_wins_and_each_track_votes_alone() -> None:
    reader = ScriptedReader(
        {
            CAR: [
                read_of("LEB-06-5700", (200, 300, 300, 350), 0.5),
                read_of("XYZ-01-1", (0, 0, 10, 10), 0.95, False),
            ],
            BUS: [read_of("RIA-12-9133", (700, 400, 800, 450))],
        }
    )
    stage = PlateStage(reader, "cam-2")

    stage.process(FRAME, 5.0, [TrackedVehicle(1, Box(*CAR), "car"), TrackedVehicle(2, Box(*BUS), "bus")])
    passes = stage.close()

    assert {(p.track_id, p.text) for p in passes} == {(1, "LEB-06-5700"), (2, "RIA-12-9133")}


def test_tracks_not_read_for_idle_seconds_are_voted_without_an_end_signal() -> None:
    reader = ScriptedReader({CAR: [read_of("LEB-06-5700", (200, 300, 300, 350))]})
    stage = PlateStage(reader, "cam-1", PlateStageConfig(idle_seconds=1.0))

    stage.process(FRAME, 0.0, [TrackedVehicle(1, Box(*CAR), "car")])
    assert stage.process(FRAME, 0.5, []) == []
    [vehicle_pass] = stage.process(FRAME, 1.5, [])

    assert vehicle_pass.text == "LEB-06-5700"
    assert stage.close() == []


def test_plate_crop_is_clipped_to_the_frame() -> None:
    image = np.zeros((100, 200, 3), dtype=np.uint8)
    crop = plate_crop(image, (150, 80, 200, 100), margin=0.5)
    assert crop is not None
    assert crop.shape[:2] == (30, 75)
    with pytest.raises(ValueError, match="crop_margin"):
        PlateStageConfig(crop_margin=-1)


def test_the_real_reader_reads_a_tracked_car_in_a_frame() -> None:
    frame = street_scene(punjab_plate("LEB", "06", "5700"), at=(500, 400), scale=0.6)
    stage = PlateStage(PlateReader(PlateReaderConfig(threads=1)), "cam-9")
    car = TrackedVehicle(3, Box(380.0, 240.0, 800.0, 550.0), "car")

    stage.process(frame, 100.0, [car])
    [vehicle_pass] = stage.process(frame, 100.2, [car], ended=[3])

    assert vehicle_pass.text == "LEB-06-5700"
    assert vehicle_pass.matched
    assert vehicle_pass.best_crop is not None


def test_at_most_max_reads_per_frame_vehicles_are_read_least_recently_tried_first() -> None:
    boxes = [(x, 100, x + 100, 300) for x in (0, 200, 400)]
    reader = ScriptedReader({})
    stage = PlateStage(reader, "cam-1", PlateStageConfig(max_reads_per_frame=2, read_every_frame=True))
    vehicles = [TrackedVehicle(i, Box(*box), "car") for i, box in enumerate(boxes)]

    stage.process(FRAME, 1.0, vehicles)
    stage.process(FRAME, 1.2, vehicles)

    assert reader.asked[:2] == boxes[:2]  # equally untried: wider first, then in the given order
    assert reader.asked[2] == boxes[2]  # never tried yet: its turn comes next
    assert len(reader.asked) == 4
    assert stage.reads_attempted == 4


def test_a_confidently_read_track_is_voted_at_once_and_not_read_again() -> None:
    reader = ScriptedReader({CAR: [read_of("LEB-06-5700", (200, 300, 300, 350), 0.95)]})
    stage = PlateStage(
        reader, "cam-1", PlateStageConfig(settle_reads=2, settle_confidence=0.9, read_every_frame=True)
    )
    car = TrackedVehicle(7, Box(*CAR), "car")

    assert stage.process(FRAME, 1.0, [car]) == []
    [vehicle_pass] = stage.process(FRAME, 1.2, [car])
    assert stage.process(FRAME, 1.4, [car]) == []
    assert stage.process(FRAME, 5.0, [car], ended=[7]) == []

    assert (vehicle_pass.track_id, vehicle_pass.text, vehicle_pass.reads) == (7, "LEB-06-5700", 2)
    assert len(reader.asked) == 2


def test_a_track_voted_for_idleness_is_not_read_again_while_it_lives() -> None:
    reader = ScriptedReader({CAR: [read_of("LEB-06-5700", (200, 300, 300, 350))]})
    stage = PlateStage(reader, "cam-1", PlateStageConfig(idle_seconds=1.0))
    car = TrackedVehicle(1, Box(*CAR), "car")

    stage.process(FRAME, 0.0, [car])
    [vehicle_pass] = stage.process(FRAME, 1.5, [])
    assert stage.process(FRAME, 1.7, [car]) == []
    assert stage.close() == []
    assert vehicle_pass.reads == 1


def grown(box: tuple[int, int, int, int], pixels: int) -> Box:
    x1, y1, x2, y2 = box
    return Box(x1 - pixels, y1 - pixels, x2 + pixels, y2 + pixels)


def test_an_approaching_vehicle_is_read_once_at_its_largest_view_not_every_frame() -> None:
    reader = ScriptedReader({})
    stage = PlateStage(reader, "cam-1", PlateStageConfig(peak_patience=2))
    sizes = [0, 10, 20, 30, 30, 30, 30, 30]  # grows for four frames, then stays

    for frame_number, pixels in enumerate(sizes):
        stage.process(FRAME, frame_number * 0.1, [TrackedVehicle(1, grown(CAR, pixels), "car")])

    assert reader.asked == [tuple(round(v) for v in grown(CAR, 30))]


def test_a_track_that_ends_before_its_view_peaked_is_read_at_its_best_view() -> None:
    reader = ScriptedReader({(90, 90, 510, 410): [read_of("LEB-06-5700", (200, 300, 300, 350))]})
    stage = PlateStage(reader, "cam-1")

    stage.process(FRAME, 0.0, [TrackedVehicle(1, Box(*CAR), "car")])
    stage.process(FRAME, 0.1, [TrackedVehicle(1, grown(CAR, 10), "car")])
    [vehicle_pass] = stage.process(FRAME, 0.2, [], ended=[1])

    assert reader.asked == [(90, 90, 510, 410)]
    assert (vehicle_pass.text, vehicle_pass.reads) == ("LEB-06-5700", 1)


def test_a_track_is_read_again_only_for_a_clearly_better_view_and_a_few_times_at_most() -> None:
    reader = ScriptedReader({})
    stage = PlateStage(reader, "cam-1", PlateStageConfig(peak_patience=1, reads_per_track=2))
    sizes = [0, 0, 0, 2, 2, 2, 60, 60, 60, 150, 150, 150]  # +2 px is not better enough to read again

    for frame_number, pixels in enumerate(sizes):
        stage.process(FRAME, frame_number * 0.1, [TrackedVehicle(1, grown(CAR, pixels), "car")])
    stage.close()

    assert reader.asked == [CAR, tuple(round(v) for v in grown(CAR, 60))]


def test_the_direction_of_a_pass_read_once_is_the_vehicles_own_motion() -> None:
    reader = ScriptedReader({CAR: [read_of("LEB-06-5700", (200, 300, 300, 350))]})  # its first view is read
    stage = PlateStage(reader, "cam-1")

    for step in range(4):
        stage.process(
            FRAME, step * 0.1, [TrackedVehicle(1, Box(100, 100 + 20 * step, 500, 400 + 20 * step), "car")]
        )
    [vehicle_pass] = stage.process(FRAME, 0.4, [], ended=[1])

    assert (vehicle_pass.reads, vehicle_pass.direction) == (1, "down")
