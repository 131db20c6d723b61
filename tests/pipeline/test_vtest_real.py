"""The real pipeline on real CCTV (vtest.avi, pedestrians) with the shared YOLOX-Nano model."""

from __future__ import annotations

from collections import Counter

import pytest

from safecity.pipeline.camera import CameraPipeline, PipelineSettings
from safecity.pipeline.events import EmittedEvent, EventType
from safecity.pipeline.rules import LineConfig, SceneConfig, ZoneConfig
from safecity.video.sources import open_source
from safecity.vision.detectors import DetectorOptions, OnnxDetector
from tests.conftest import shared_path

FPS = 5.0
SECONDS = 30.0
VtestRun = tuple[CameraPipeline, list[EmittedEvent]]


@pytest.fixture(scope="module")
def vtest_run() -> VtestRun:
    video = shared_path("media/vtest.avi")
    detector = OnnxDetector(shared_path("models/yolox_nano.onnx"), DetectorOptions(threads=1))
    scene = SceneConfig(
        lines=[LineConfig(name="centre", start=(0.5, 0.0), end=(0.5, 1.0))],
        zones=[ZoneConfig(name="plaza", polygon=[(0, 0.3), (1, 0.3), (1, 1), (0, 1)], dwell_seconds=5)],
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
