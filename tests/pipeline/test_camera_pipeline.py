"""The camera pipeline end to end on synthetic rendered clips with known moving objects."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pytest

from safecity.pipeline.batching import MultiCameraRunner
from safecity.pipeline.camera import CameraPipeline
from safecity.pipeline.camera import PipelineSettings
from safecity.pipeline.events import EmittedEvent
from safecity.pipeline.events import EventType
from safecity.pipeline.rules import LineConfig
from safecity.pipeline.rules import SceneConfig
from safecity.pipeline.rules import ZoneConfig
from safecity.pipeline.status import PipelineMode
from safecity.video.synthetic import MovingObject
from safecity.video.synthetic import SyntheticScene
from safecity.vision.detectors.colour_key import ColourKeyDetector
from safecity.vision.detectors.types import Detections

STREET = SyntheticScene(
    width=640,
    height=360,
    fps=10,
    duration=8,
    objects=[
        MovingObject("person", (20, 50), (100, 40), (100, 330), 0.5, 6.0),  # walks down across the line
        MovingObject("person", (20, 50), (520, 330), (520, 40), 2.0, 7.0),  # walks up across the line
        MovingObject("car", (60, 30), (600, 140), (40, 140), 1.0, 5.0),  # drives left above the line
        MovingObject("truck", (80, 40), (40, 260), (600, 260), 0.5, 4.5),  # drives right below the line
    ],
)
SCENE = SceneConfig(
    lines=[LineConfig(name="middle", start=(0, 0.5), end=(1, 0.5))],
    zones=[
        ZoneConfig(
            name="west", polygon=[(0, 0), (0.4, 0), (0.4, 1), (0, 1)], classes=["person"], dwell_seconds=2
        )
    ],
)


def run(
    scene: SyntheticScene, detector: ColourKeyDetector | None, config: SceneConfig = SCENE
) -> tuple[CameraPipeline, list[EmittedEvent]]:
    pipeline = CameraPipeline("cam-1", detector, config, PipelineSettings(fps=scene.fps))
    events = list(pipeline.run(scene.frames("cam-1")))
    return pipeline, events


def test_line_counts_and_zone_events_are_exact() -> None:
    pipeline, events = run(STREET, ColourKeyDetector())
    summary = pipeline.summary()
    assert summary["tracks"] == {"car": 1, "person": 2, "truck": 1}
    assert summary["lines"] == {"middle": {"in": {"person": 1}, "out": {"person": 1}}}
    west = [(e.event.type, e.event.object_class) for e in events if e.event.rule == "west"]
    assert west == [
        (EventType.ZONE_ENTER, "person"),
        (EventType.DWELL, "person"),
        (EventType.ZONE_EXIT, "person"),
    ]
    assert summary["frames"] == 80


def test_events_carry_camera_time_track_and_a_snapshot() -> None:
    _, events = run(STREET, ColourKeyDetector())
    crossing = next(e for e in events if e.event.type is EventType.LINE_CROSSING)
    assert crossing.event.camera_id == "cam-1"
    assert crossing.event.track_id is not None
    assert crossing.event.object_class == "person"
    assert crossing.snapshot is not None
    assert crossing.snapshot.shape == (360, 640, 3)
    start = STREET.start_timestamp
    assert all(start <= e.event.time.timestamp() <= start + STREET.duration for e in events)
    ended = [e for e in events if e.event.type is EventType.TRACK_ENDED]
    assert len(ended) == 4
    assert all(e.snapshot is not None and e.snapshot.shape[0] < 100 for e in ended)  # the best crop
    assert len({e.event.id for e in events}) == len(events)


def test_without_a_detector_moving_objects_are_still_tracked_and_counted() -> None:
    scene = SyntheticScene(
        fps=10,
        duration=6,
        objects=[
            MovingObject("person", (20, 50), (100, 40), (100, 330), 0.5, 4.5),
            MovingObject("person", (20, 50), (520, 330), (520, 40), 1.0, 5.0),
        ],
    )
    pipeline, _ = run(scene, None)
    assert pipeline.status.mode is PipelineMode.MOTION_ONLY
    assert "no detector model installed" in pipeline.status.message
    summary = pipeline.summary()
    assert summary["tracks"] == {"motion": 2}
    assert summary["lines"] == {"middle": {"in": {"motion": 1}, "out": {"motion": 1}}}
    assert summary["detector_runs"] == 0


class CountingDetector(ColourKeyDetector):
    def __init__(self) -> None:
        super().__init__()
        self.images = 0
        self.pixels = 0

    def detect(self, image: np.ndarray) -> Detections:
        self.images += 1
        self.pixels += image.shape[0] * image.shape[1]
        return super().detect(image)


def test_a_static_scene_is_only_detected_at_the_refresh_interval() -> None:
    static = SyntheticScene(fps=5, duration=30, objects=[])
    detector = CountingDetector()
    pipeline = CameraPipeline("cam", detector, None, PipelineSettings(fps=5, refresh_seconds=10))
    list(pipeline.run(static.frames("cam")))
    assert pipeline.stats.frames == 150
    assert detector.images == 3  # t = 0, 10, 20 s
    assert pipeline.stats.motion_frames == 0


def test_small_motion_in_a_large_frame_is_detected_in_a_region_not_the_whole_frame() -> None:
    scene = SyntheticScene(
        width=1920, height=1080, fps=5, duration=4,
        objects=[MovingObject("person", (20, 50), (900, 400), (1000, 400), 0.0, 4.0)],
    )  # fmt: skip
    detector = CountingDetector()
    pipeline = CameraPipeline("cam", detector, None, PipelineSettings(fps=5, refresh_seconds=60))
    list(pipeline.run(scene.frames("cam")))
    assert pipeline.summary()["tracks"] == {"person": 1}
    whole_frames = detector.images * 1920 * 1080
    assert detector.pixels < 0.2 * whole_frames  # after the first frame, 416x416 regions only


def test_motion_mask_hides_a_moving_object_from_motion_only_tracking() -> None:
    scene = SyntheticScene(
        fps=10, duration=4, objects=[MovingObject("person", (20, 50), (100, 200), (500, 200), 0.0, 4.0)]
    )
    config = SceneConfig(motion_mask=[[(0, 0.3), (1, 0.3), (1, 0.9), (0, 0.9)]])
    pipeline, _ = run(scene, None, config)
    assert pipeline.summary()["tracks"] == {}


def test_cameras_share_one_detector_call_per_round() -> None:
    detector = CountingDetector()
    calls = Counter[int]()
    original = detector.detect_batch

    def counting_batch(images: Sequence[np.ndarray]) -> list[Detections]:
        calls[len(images)] += 1
        return original(images)

    detector.detect_batch = counting_batch  # type: ignore[method-assign]
    pipelines = {
        name: CameraPipeline(name, detector, SCENE, PipelineSettings(fps=10, motion_gating=False))
        for name in ("a", "b")
    }
    runner = MultiCameraRunner(detector, pipelines)
    events = list(runner.run({"a": STREET.frames("a"), "b": STREET.frames("b")}))
    assert calls == {2: 80}  # both cameras' frames in every call
    for name in ("a", "b"):
        assert pipelines[name].summary()["lines"] == {"middle": {"in": {"person": 1}, "out": {"person": 1}}}
    assert {e.event.camera_id for e in events} == {"a", "b"}


def test_runner_refuses_pipelines_with_another_detector() -> None:
    shared, other = ColourKeyDetector(), ColourKeyDetector()
    with pytest.raises(ValueError, match="shared detector"):
        MultiCameraRunner(shared, {"a": CameraPipeline("a", other)})


@pytest.mark.parametrize("pixels_per_frame", [20, 60, 100])
def test_a_fast_car_at_a_low_frame_rate_is_one_track_and_one_count(pixels_per_frame: int) -> None:
    seconds = 1200 / (pixels_per_frame * 5)
    car = MovingObject("car", (80, 40), (-40, 200), (1320, 200), 0.2, 0.2 + seconds)
    scene = SyntheticScene(width=1280, height=360, fps=5, duration=seconds + 1, objects=[car])
    road = SceneConfig(lines=[LineConfig(name="post", start=(0.5, 0), end=(0.5, 1))])
    pipeline, _ = run(scene, ColourKeyDetector(), road)
    assert pipeline.summary()["tracks"] == {"car": 1}
    assert pipeline.summary()["lines"] == {"post": {"in": {}, "out": {"car": 1}}}


def test_people_passing_close_by_in_opposite_directions_keep_their_tracks() -> None:
    scene = SyntheticScene(
        width=640, height=360, fps=5, duration=6,
        objects=[
            MovingObject("person", (20, 50), (40, 150), (600, 150), 0.0, 5.0),
            MovingObject("person", (20, 50), (600, 175), (40, 175), 0.0, 5.0),
        ],
    )  # fmt: skip
    gate = SceneConfig(lines=[LineConfig(name="gate", start=(320, 0), end=(320, 360))])
    pipeline, events = run(scene, ColourKeyDetector(), gate)
    assert pipeline.summary()["tracks"] == {"person": 2}
    assert pipeline.summary()["lines"] == {"gate": {"in": {"person": 1}, "out": {"person": 1}}}
    ended = [e.event.payload["path"] for e in events if e.event.type is EventType.TRACK_ENDED]
    for path in ended:  # each track moved one way only: no identity swap when they met
        xs = [x for _, x, _ in path]
        assert xs == sorted(xs) or xs == sorted(xs, reverse=True)
