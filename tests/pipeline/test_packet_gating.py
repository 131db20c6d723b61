"""The pipeline behind a packet gate: a still 720p street is mostly not decoded, yet a person walking in is
tracked within a second of scene time (a real H.264 file, a real decoder, the real pipeline; once with the
colour-keyed test detector, once with YOLOX-Nano and a real person cut from the CCTV sample)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from safecity.pipeline.camera import CameraPipeline
from safecity.pipeline.camera import PipelineSettings
from safecity.pipeline.events import EmittedEvent
from safecity.pipeline.events import EventType
from safecity.video.frame import Image
from safecity.video.packet_gate import PacketGateSettings
from safecity.video.source_state import SourceStats
from safecity.video.sources import open_source
from safecity.video.synthetic import MovingObject
from safecity.video.synthetic import SyntheticScene
from safecity.video.synthetic import write_h264
from safecity.vision.detectors import DetectorOptions
from safecity.vision.detectors import OnnxDetector
from safecity.vision.detectors.colour_key import ColourKeyDetector
from safecity.vision.detectors.protocol import Detector
from tests.conftest import shared_path

FPS = 10.0
DETECT_FPS = 5.0
START = 1_700_000_000.0
ENTRY = 6.3  # mid-GOP (keyframes every 2 s), after the gate has learnt the still scene
WALKER = MovingObject(
    "person", size=(50, 130), start=(-25, 420), end=(500, 420), start_time=ENTRY, end_time=ENTRY + 3.5
)
GateRun = tuple[list[EmittedEvent], SourceStats]
SPRITE_SPEED = 150.0  # px/s: a walker across a 720p view


@pytest.fixture(scope="module")
def street_720p(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10 s of a still 720p street at 10 fps; a person walks in from the left edge at 6.3 s."""
    scene = SyntheticScene(
        width=1280, height=720, fps=FPS, duration=10.0, objects=[WALKER], noise_fields=8, start_timestamp=0
    )
    return scene.write_h264(tmp_path_factory.mktemp("gating") / "street.mp4", gop_seconds=2.0)


def run_gated(path: Path, detector: Detector) -> GateRun:
    pipeline = CameraPipeline("street", detector, settings=PipelineSettings(fps=DETECT_FPS))
    gate = PacketGateSettings()
    with open_source(str(path), "street", fps=DETECT_FPS, start_time=START, gate=gate) as source:
        events = list(pipeline.run(source))
        stats = source.stats
    return events, stats


@pytest.fixture(scope="module")
def gated_run(street_720p: Path) -> GateRun:
    """The street through a gated source into the pipeline (colour-keyed detector: no model needed)."""
    return run_gated(street_720p, ColourKeyDetector())


def track_start(events: list[EmittedEvent]) -> float:
    """Scene time (s) at which the one person track started."""
    people = [
        e.event for e in events if e.event.type is EventType.TRACK_ENDED and e.event.object_class == "person"
    ]
    assert len(people) == 1  # one walker, one track: the gate did not break it up
    return datetime.fromisoformat(people[0].payload["first_seen"]).timestamp() - START


def test_still_scene_is_mostly_not_decoded(gated_run: GateRun) -> None:
    _, stats = gated_run
    still_frames = round((ENTRY - 3.0) * FPS)  # after the first 3 s (learning) until the person enters
    assert stats.frames_skipped >= still_frames - 2 * FPS  # at most one probe GOP of them decoded
    assert stats.frames_decoded + stats.frames_skipped >= 100


def test_person_walking_in_is_tracked_within_a_second(gated_run: GateRun) -> None:
    events, _ = gated_run
    started = track_start(events)
    assert ENTRY <= started <= ENTRY + 1.0, (
        f"track started at {started:.2f} s, the person entered at {ENTRY} s"
    )


def test_a_real_person_walking_in_is_tracked_by_the_model_within_a_second(tmp_path: Path) -> None:
    detector = OnnxDetector(shared_path("models/yolox_nano.onnx"), DetectorOptions(threads=1))
    walker = person_sprite(detector, shared_path("media/vtest.avi"))
    path = write_h264(tmp_path / "street.mp4", walking_in(walker), FPS, gop_seconds=2.0)
    events, stats = run_gated(path, detector)
    assert stats.frames_skipped >= (ENTRY - 3.0 - 2.0) * FPS
    started = track_start(events)
    assert ENTRY <= started <= ENTRY + 1.0, (
        f"track started at {started:.2f} s, the person entered at {ENTRY} s"
    )


def person_sprite(detector: OnnxDetector, video: Path) -> Image:
    """The most confident pedestrian of the CCTV sample's first frame, with some street around, doubled."""
    with av.open(str(video)) as container:
        picture: Image = next(container.decode(video=0)).to_ndarray(format="bgr24")  # type: ignore[assignment]
    found = detector.detect(picture)
    people = [
        (float(score), box)
        for box, score, label in zip(found.boxes, found.scores, found.labels, strict=True)
        if label == "person"
    ]
    assert people, "no person found in the first frame of the CCTV sample"
    _, box = max(people, key=lambda item: item[0])
    x1, y1, x2, y2 = (int(value) for value in box)
    crop = picture[max(0, y1 - 6) : y2 + 6, max(0, x1 - 6) : x2 + 6]
    return np.asarray(cv2.resize(crop, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC), dtype=np.uint8)


def walking_in(walker: Image, seconds: float = 10.0) -> Iterator[Image]:
    """A still 720p street (sensor noise) that `walker` enters from the left edge at ENTRY."""
    scene = SyntheticScene(width=1280, height=720, noise=0)
    background = scene.background().astype(np.float32)
    rng = np.random.default_rng(3)
    noise = [rng.normal(0, 2.0, background.shape).astype(np.float32) for _ in range(8)]
    height, width = walker.shape[:2]
    for index in range(round(seconds * FPS)):
        t = index / FPS
        picture = background + noise[index % len(noise)]
        if t >= ENTRY:
            left = round(-width + SPRITE_SPEED * (t - ENTRY))
            visible = walker[:, max(0, -left) : max(0, min(width, 1280 - left))]
            picture[420 : 420 + height, max(0, left) : max(0, left) + visible.shape[1]] = visible
        yield np.clip(picture, 0, 255).astype(np.uint8)
