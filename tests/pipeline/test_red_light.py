"""Red-light, restricted-lane and solid-line rules on rendered synthetic clips through the real pipeline."""

from __future__ import annotations

import pytest

from safecity.pipeline.camera import CameraPipeline
from safecity.pipeline.camera import PipelineSettings
from safecity.pipeline.events import EmittedEvent
from safecity.pipeline.events import EventType
from safecity.pipeline.rules import SceneConfig
from safecity.pipeline.rules.signals import ControllerFeed
from safecity.pipeline.rules.traffic_config import LaneConfig
from safecity.pipeline.rules.traffic_config import PhaseSchedule
from safecity.pipeline.rules.traffic_config import PhaseStep
from safecity.pipeline.rules.traffic_config import SignalConfig
from safecity.pipeline.rules.traffic_config import SignalPhase
from safecity.pipeline.rules.traffic_config import SolidLineConfig
from safecity.video.synthetic import MovingObject
from safecity.video.synthetic import SyntheticScene
from safecity.vision.detectors.colour_key import ColourKeyDetector

START = 1_700_000_000.0
# 30 s green, 3 s amber, 27 s red; the offset puts the clip's start (and the crossing) where we want it.
STEPS = [
    PhaseStep(phase=SignalPhase.GREEN, seconds=30),
    PhaseStep(phase=SignalPhase.AMBER, seconds=3),
    PhaseStep(phase=SignalPhase.RED, seconds=27),
]
RED_AT_START = PhaseSchedule(steps=STEPS, offset_seconds=START - 40)  # clip starts 7 s into red
GREEN_AT_START = PhaseSchedule(steps=STEPS, offset_seconds=START - 5)  # clip starts 5 s into green


def southbound_car(x: float, start_time: float = 0.2) -> MovingObject:
    return MovingObject("car", (60, 40), (x, 40), (x, 330), start_time, start_time + 3.0)


def signal(schedule: PhaseSchedule | None, **extra: object) -> SignalConfig:
    # A line drawn left to right: moving down the picture crosses it `in`, into the junction.
    return SignalConfig(name="mall-road-n", start=(0, 0.5), end=(1, 0.5), schedule=schedule, **extra)  # type: ignore[arg-type]


def run(
    objects: list[MovingObject], scene_config: SceneConfig, signal_feed: ControllerFeed | None = None
) -> list[EmittedEvent]:
    scene = SyntheticScene(fps=5, duration=4.0, objects=objects, start_timestamp=START)
    pipeline = CameraPipeline(
        "junction-1", ColourKeyDetector(), scene_config, PipelineSettings(fps=5), signal_feed=signal_feed
    )
    return list(pipeline.run(scene.frames("junction-1")))


def red_lights(events: list[EmittedEvent]) -> list[EmittedEvent]:
    return [e for e in events if e.event.type is EventType.RED_LIGHT]


def test_a_car_crossing_the_stop_line_on_red_is_one_violation() -> None:
    events = red_lights(run([southbound_car(200)], SceneConfig(signals=[signal(RED_AT_START)])))
    assert len(events) == 1
    event = events[0].event
    assert event.rule == "mall-road-n"
    assert event.object_class == "car"
    assert event.payload["signal_phase"] == "red"
    assert event.payload["phase_source"] == "schedule"
    assert 7 < event.payload["seconds_into_red"] < 11
    assert events[0].snapshot is not None


def test_crossing_on_green_is_no_violation() -> None:
    assert red_lights(run([southbound_car(200)], SceneConfig(signals=[signal(GREEN_AT_START)]))) == []


def test_two_cars_on_red_are_two_violations() -> None:
    events = red_lights(
        run([southbound_car(150), southbound_car(450, 0.4)], SceneConfig(signals=[signal(RED_AT_START)]))
    )
    assert len(events) == 2
    assert len({e.event.track_id for e in events}) == 2


def test_leaving_the_junction_against_the_approach_direction_is_not_a_red_light() -> None:
    northbound = MovingObject("car", (60, 40), (200, 330), (200, 40), 0.2, 3.2)
    assert red_lights(run([northbound], SceneConfig(signals=[signal(RED_AT_START)]))) == []


def test_the_controller_feed_overrides_the_schedule() -> None:
    feed = ControllerFeed()
    feed.update("mall-road-n", SignalPhase.GREEN, START - 100)
    assert red_lights(run([southbound_car(200)], SceneConfig(signals=[signal(RED_AT_START)]), feed)) == []
    feed.update("mall-road-n", SignalPhase.RED, START)
    events = red_lights(run([southbound_car(200)], SceneConfig(signals=[signal(None)]), feed))
    assert [e.event.payload["phase_source"] for e in events] == ["controller"]


def test_without_a_schedule_or_feed_nothing_is_reported() -> None:
    assert red_lights(run([southbound_car(200)], SceneConfig(signals=[signal(None)]))) == []


def test_red_grace_lets_early_crossings_go() -> None:
    config = SceneConfig(signals=[signal(RED_AT_START, red_grace_seconds=20)])
    assert red_lights(run([southbound_car(200)], config)) == []


def test_junction_box_must_be_reached() -> None:
    far_box = [(0, 0.95), (1, 0.95), (1, 1), (0, 1)]
    stops_over_line = MovingObject("car", (60, 40), (200, 100), (200, 230), 0.2, 3.2)
    config = SceneConfig(signals=[signal(RED_AT_START, junction=far_box)])
    assert red_lights(run([stops_over_line], config)) == []


def test_a_car_in_the_bus_lane_and_over_the_solid_line() -> None:
    config = SceneConfig(
        lanes=[
            LaneConfig(name="bus-lane", polygon=[(0, 0), (0.5, 0), (0.5, 1), (0, 1)], allowed_classes=["bus"])
        ],
        solid_lines=[SolidLineConfig(name="centre", start=(0.5, 0), end=(0.5, 1))],
    )
    car = MovingObject("car", (50, 40), (100, 200), (500, 200), 0.2, 3.6)
    bus = MovingObject("bus", (70, 50), (100, 100), (200, 100), 0.2, 3.6)
    events = [e.event for e in run([car, bus], config) if e.event.type is EventType.LANE_VIOLATION]
    kinds = sorted((e.payload["kind"], e.object_class) for e in events)
    assert kinds == [("restricted_lane", "car"), ("solid_line", "car")]


def test_signal_names_must_be_unique() -> None:
    with pytest.raises(ValueError, match="signal names must be unique"):
        SceneConfig(signals=[signal(None), signal(None)])
