"""The real pipeline on real CCTV (vtest.avi, pedestrians) with the shared YOLOX-Nano model."""

from __future__ import annotations

import math
from collections import Counter
from datetime import datetime

import pytest

from safecity.pipeline.camera import CameraPipeline
from safecity.pipeline.camera import PipelineSettings
from safecity.pipeline.events import EmittedEvent
from safecity.pipeline.events import EventType
from safecity.pipeline.rules import LineConfig
from safecity.pipeline.rules import SceneConfig
from safecity.pipeline.rules import ZoneConfig
from safecity.pipeline.rules.threat_config import NoStoppingConfig
from safecity.video.sources import open_source
from safecity.vision.detectors import DetectorOptions
from safecity.vision.detectors import OnnxDetector
from tests.conftest import shared_path

FPS = 5.0
SECONDS = 30.0
VtestRun = tuple[CameraPipeline, list[EmittedEvent]]
PLAZA = [(0, 0.3), (1, 0.3), (1, 1), (0, 1)]
KERB = [(0.8, 0), (1, 0), (1, 0.25), (0.8, 0.25)]  # where the white van and a car stand parked


@pytest.fixture(scope="module")
def vtest_run() -> VtestRun:
    video = shared_path("media/vtest.avi")
    detector = OnnxDetector(shared_path("models/yolox_nano.onnx"), DetectorOptions(threads=1))
    scene = SceneConfig(
        lines=[LineConfig(name="centre", start=(0.5, 0.0), end=(0.5, 1.0))],
        zones=[ZoneConfig(name="plaza", polygon=PLAZA, dwell_seconds=5)],
        no_stopping=[
            NoStoppingConfig(name="kerb", polygon=KERB, classes=["car", "truck", "bus"], dwell_seconds=5),
            NoStoppingConfig(name="walkway", polygon=PLAZA, classes=["person"], dwell_seconds=5),
        ],
    )
    pipeline = CameraPipeline("vtest", detector, scene, PipelineSettings(fps=FPS))
    with open_source(str(video), "vtest", fps=FPS) as source:
        frames = (frame for frame in source if frame.pts <= SECONDS)
        events = list(pipeline.run(frames))
    return pipeline, events


def test_pedestrians_are_tracked(vtest_run: VtestRun) -> None:
    pipeline, events = vtest_run
    summary = pipeline.summary()
    assert summary["frames"] == pytest.approx(SECONDS * FPS, abs=2)
    assert summary["analysed_frames"] > 0.9 * summary["frames"]  # people walk all the time
    assert 8 <= summary["tracks"].get("person", 0) <= 40
    long_tracks = [
        e
        for e in events
        if e.event.type is EventType.TRACK_ENDED and e.event.payload["duration_seconds"] >= 5
    ]
    assert len(long_tracks) >= 5  # walkers are followed for seconds, not re-identified every frame


def test_events_are_sane(vtest_run: VtestRun) -> None:
    pipeline, events = vtest_run
    kinds = Counter(e.event.type for e in events)
    assert kinds[EventType.LINE_CROSSING] >= 2
    assert kinds[EventType.ZONE_ENTER] >= 5
    assert kinds[EventType.ZONE_ENTER] == kinds[EventType.ZONE_EXIT]  # every visit closes
    times = [e.event.time.timestamp() for e in events]
    assert max(times) - min(times) <= SECONDS + 1
    crossings = sum(sum(counts.values()) for counts in pipeline.summary()["lines"]["centre"].values())
    assert crossings == kinds[EventType.LINE_CROSSING]
    for emitted in events:
        assert emitted.event.camera_id == "vtest"
        if emitted.event.type is EventType.TRACK_ENDED:
            x1, y1, x2, y2 = emitted.event.payload["box"]
            assert 0 <= x1 < x2 <= 768
            assert 0 <= y1 < y2 <= 576


def test_parked_vehicles_are_reported_in_a_no_stopping_zone(vtest_run: VtestRun) -> None:
    _, events = vtest_run
    kerb = [e.event for e in events if e.event.type is EventType.NO_STOPPING and e.event.rule == "kerb"]
    assert kerb, "the van and the car parked at the kerb all along are not reported"
    for event in kerb:
        assert event.object_class in {"car", "truck"}
        x1, _, x2, y2 = event.payload["box"]
        assert (x1 + x2) / 2 >= 0.8 * 768
        assert y2 <= 0.25 * 576
        assert event.payload["seconds"] >= 5


def test_people_walking_across_the_plaza_are_not_reported_only_those_who_stood(vtest_run: VtestRun) -> None:
    _, events = vtest_run
    stopped = [e.event for e in events if e.event.type is EventType.NO_STOPPING and e.event.rule == "walkway"]
    walkers = {e.event.track_id for e in events if e.event.type is EventType.ZONE_ENTER}
    assert len(stopped) <= len(walkers) / 3  # the clip is mostly people walking through
    paths = {e.event.track_id: e.event.payload for e in events if e.event.type is EventType.TRACK_ENDED}
    for event in stopped:
        ended = paths[event.track_id]
        first_seen = datetime.fromisoformat(ended["first_seen"]).timestamp()
        stop_end = event.time.timestamp() - first_seen
        stood = [(x, y) for t, x, y in ended["path"] if stop_end - event.payload["seconds"] <= t <= stop_end]
        height = event.payload["box"][3] - event.payload["box"][1]
        spread = max(math.dist(stood[0], point) for point in stood)
        assert spread <= height, f"track {event.track_id} moved {spread:.0f} px while reported as stopped"
