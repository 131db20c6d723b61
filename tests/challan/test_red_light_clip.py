"""A rendered junction clip through the real pipeline and the worker's bus mapping into the intake."""

from __future__ import annotations

from pathlib import Path

from safecity.challan.vocabulary import Queue
from safecity.challan.vocabulary import ViolationStatus
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.pipeline.camera import CameraPipeline
from safecity.pipeline.camera import PipelineSettings
from safecity.pipeline.rules import SceneConfig
from safecity.pipeline.rules.traffic_config import PhaseSchedule
from safecity.pipeline.rules.traffic_config import PhaseStep
from safecity.pipeline.rules.traffic_config import SignalConfig
from safecity.pipeline.rules.traffic_config import SignalPhase
from safecity.video.synthetic import MovingObject
from safecity.video.synthetic import SyntheticScene
from safecity.vision.detectors.colour_key import ColourKeyDetector
from safecity.worker.bus_events import to_bus_event
from tests.challan.helpers import feed
from tests.challan.helpers import make_runtime
from tests.challan.helpers import violations

START = 1_700_000_000.0
STEPS = [
    PhaseStep(phase=SignalPhase.GREEN, seconds=30),
    PhaseStep(phase=SignalPhase.AMBER, seconds=3),
    PhaseStep(phase=SignalPhase.RED, seconds=27),
]


def junction(offset: float) -> SceneConfig:
    schedule = PhaseSchedule(steps=STEPS, offset_seconds=START - offset)
    return SceneConfig(signals=[SignalConfig(name="stop-1", start=(0, 0.5), end=(1, 0.5), schedule=schedule)])


def car(x: float, delay: float = 0.0) -> MovingObject:
    return MovingObject("car", (60, 40), (x, 40), (x, 330), 0.2 + delay, 3.2 + delay)


def run_clip(database: Database, tmp_path: Path, offset: float, objects: list[MovingObject]) -> int:
    media = MediaStore(tmp_path / "media")
    scene = SyntheticScene(fps=5, duration=4.0, objects=objects, start_timestamp=START)
    pipeline = CameraPipeline("junction-1", ColourKeyDetector(), junction(offset), PipelineSettings(fps=5))
    events = [to_bus_event(e, media, worker="test") for e in pipeline.run(scene.frames("junction-1"))]
    runtime = make_runtime(tmp_path)
    feed(database, runtime, *events)
    feed(database, runtime, *events)  # redelivery changes nothing
    return len(violations(database))


def test_crossing_on_red_is_exactly_one_violation_waiting_for_an_officer(
    database: Database, tmp_path: Path
) -> None:
    assert run_clip(database, tmp_path, offset=40, objects=[car(200)]) == 1
    (violation,) = violations(database)
    assert violation.violation_type == "red_light"
    assert violation.signal_phase == "red"
    assert violation.queue == Queue.VALIDATION.value
    assert violation.status == ViolationStatus.PENDING.value


def test_crossing_on_green_is_none(database: Database, tmp_path: Path) -> None:
    assert run_clip(database, tmp_path, offset=5, objects=[car(200)]) == 0


def test_two_cars_on_red_are_two(database: Database, tmp_path: Path) -> None:
    assert run_clip(database, tmp_path, offset=40, objects=[car(150), car(450, 0.2)]) == 2
