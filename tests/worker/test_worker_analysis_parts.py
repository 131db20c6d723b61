"""Parts of a camera's analysis: profiles, the context ring, the plate-reader pool, the controller feed."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import UTC
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from safecity.cameras.live_frames_folder import FolderLiveFrames
from safecity.challan.events import SignalPhaseEvent
from safecity.challan.evidence import EvidenceKind
from safecity.challan.evidence import context_from_payload
from safecity.challan.evidence import context_payload
from safecity.challan.signal_feed import record_phase
from safecity.core.bus import Event
from safecity.core.media import MediaStore
from safecity.pipeline.camera import CameraPipeline
from safecity.pipeline.camera import PipelineSettings
from safecity.pipeline.rules.config import SceneConfig
from safecity.pipeline.rules.signals import ControllerFeed
from safecity.pipeline.rules.traffic_config import SignalPhase
from safecity.video.frame import Frame
from safecity.video.frame import Image
from safecity.video.frame import PixelBox
from safecity.vision.detectors.colour_key import ColourKeyDetector
from safecity.vision.plates.reader import PlateRead
from safecity.worker.analysis import CameraAnalysis
from safecity.worker.camera_runner import CameraSpec
from safecity.worker.camera_runner import RunnerContext
from safecity.worker.camera_runner import camera_detector
from safecity.worker.context_frames import ContextFrames
from safecity.worker.context_frames import ContextSettings
from safecity.worker.profiles import enforces_traffic
from safecity.worker.profiles import features_of
from safecity.worker.reader_pool import ReaderPool
from safecity.worker.signal_phases import apply_phase
from safecity.worker.signal_phases import seed_phases
from tests.worker.conftest import Harness

T0 = 1_700_000_000.0


def frames(count: int, fps: float = 5.0, size: tuple[int, int] = (90, 160)) -> list[Frame]:
    rng = np.random.default_rng(0)
    return [
        Frame("cam", i, T0 + i / fps, i / fps, rng.integers(0, 255, (*size, 3), dtype=np.uint8))
        for i in range(count)
    ]


@pytest.mark.parametrize(
    ("profile", "anpr"),
    [("default", False), ("anpr", True), ("traffic", True), ("Default+ANPR", True), ("crowd, anpr", True)],
)
def test_the_analytics_profile_switches_anpr_on(profile: str, anpr: bool) -> None:
    assert features_of(profile).anpr is anpr


def test_only_scenes_that_can_raise_a_violation_keep_context_frames() -> None:
    assert not enforces_traffic(SceneConfig())
    assert not enforces_traffic(
        SceneConfig.model_validate({"lines": [{"name": "count", "start": [0, 0.5], "end": [1, 0.5]}]})
    )
    assert enforces_traffic(
        SceneConfig.model_validate({"signals": [{"name": "s", "start": [0, 0.5], "end": [1, 0.5]}]})
    )
    wrong_way = {
        "lines": [{"name": "one-way", "start": [0, 0.5], "end": [1, 0.5], "allowed_direction": "in"}]
    }
    assert enforces_traffic(SceneConfig.model_validate(wrong_way))


def test_the_context_ring_of_a_camera_holds_a_bounded_number_of_frames(tmp_path: Path) -> None:
    context = ContextFrames(MediaStore(tmp_path), ContextSettings(before_seconds=1.0, after_seconds=1.0))
    pipeline = CameraPipeline("cam", None, SceneConfig(), PipelineSettings(fps=5))
    analysis = CameraAnalysis(
        pipeline, lambda event: None, context.media, worker_id="w", context=context, fps=5
    )

    for frame in frames(200):
        analysis.process(frame)

    assert analysis.ring is not None
    assert len(analysis.ring) == analysis.ring.maxlen == 12  # (1 s before + 1 s after) at 5 fps, plus 2
    assert ContextSettings(max_frames=16).ring_length(fps=30) == 16  # a fast camera is capped


def test_context_frames_are_the_frames_before_at_and_after_the_moment(tmp_path: Path) -> None:
    context = ContextFrames(MediaStore(tmp_path), ContextSettings(before_seconds=1.0, after_seconds=1.0))
    ring = context.ring("cam", fps=5)
    for frame in frames(16):  # up to T0 + 3.0: the frame `after_seconds` past the moment has just arrived
        ring.add(frame)
    at = datetime.fromtimestamp(T0 + 2.0, tz=UTC)

    assert context.ready("cam", at.timestamp())
    assert not context.ready("cam", T0 + 3.0)
    collected = context.collect("cam", at)

    times = {item.kind: item.captured_at.timestamp() - T0 for item in collected if item.captured_at}
    assert times == pytest.approx(
        {EvidenceKind.CONTEXT_BEFORE: 1.0, EvidenceKind.CONTEXT_AT: 2.0, EvidenceKind.CONTEXT_AFTER: 3.0}
    )
    assert all(context.media.exists(item.sha256) for item in collected)
    assert context_from_payload(context_payload(collected)) == collected  # what e-challan reads back


def test_a_moment_at_the_edge_of_the_ring_gets_no_duplicate_frames(tmp_path: Path) -> None:
    context = ContextFrames(MediaStore(tmp_path))
    ring = context.ring("cam", fps=5)
    for frame in frames(3):
        ring.add(frame)

    collected = context.collect("cam", datetime.fromtimestamp(T0 + 0.4, tz=UTC))  # the newest frame

    assert [item.kind for item in collected] == [EvidenceKind.CONTEXT_BEFORE, EvidenceKind.CONTEXT_AT]
    assert context.collect("other-camera", datetime.fromtimestamp(T0, tz=UTC)) == []


class SlowReader:
    """Stands in for a PlateReader: counts concurrent calls."""

    active = 0
    most = 0
    lock = threading.Lock()

    def read(self, image_bgr: Image, vehicle_boxes: Sequence[PixelBox] | None = None) -> list[PlateRead]:
        with SlowReader.lock:
            SlowReader.active += 1
            SlowReader.most = max(SlowReader.most, SlowReader.active)
        threading.Event().wait(0.02)
        with SlowReader.lock:
            SlowReader.active -= 1
        return []


def test_the_reader_pool_creates_readers_on_demand_up_to_its_size() -> None:
    made: list[SlowReader] = []

    def factory() -> SlowReader:
        made.append(SlowReader())
        return made[-1]

    pool = ReaderPool(size=2, factory=factory)  # type: ignore[arg-type]
    assert pool.created == 0  # nothing loads until a camera reads a plate
    image = np.zeros((10, 10, 3), np.uint8)
    threads = [
        threading.Thread(target=lambda: [pool.read(image, [(0, 0, 5, 5)]) for _ in range(5)])
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(made) == pool.created == 2
    assert SlowReader.most <= 2


def test_signal_phase_events_update_the_controller_feed() -> None:
    feed = ControllerFeed()
    event = SignalPhaseEvent(signal="s1", phase="red", changed_at=datetime.fromtimestamp(T0, tz=UTC))

    assert apply_phase(event, feed)
    assert apply_phase(Event.model_validate_json(event.model_dump_json()), feed)  # untyped copy from a bus
    assert not apply_phase(event.model_copy(update={"phase": "purple"}), feed)

    reading = feed.phase_at("s1", T0 + 1)
    assert reading is not None
    assert (reading.phase, reading.source) == (SignalPhase.RED, "controller")
    assert feed.phase_at("s1", T0 - 1) is None


async def test_the_worker_starts_from_the_stored_controller_feed(harness: Harness) -> None:
    now = datetime.now(UTC)
    with harness.database.session() as session:
        record_phase(session, "s1", SignalPhase.GREEN, now, "controller")
    feed = ControllerFeed()

    assert seed_phases(harness.database, feed) == 1
    reading = feed.phase_at("s1", now.timestamp() + 1)
    assert reading is not None
    assert reading.phase is SignalPhase.GREEN


def test_a_camera_whose_profile_asks_for_motion_tracks_blobs_even_on_a_worker_with_a_detector(
    tmp_path: Path,
) -> None:
    context = RunnerContext(
        worker_id="w1",
        publish=lambda event: None,
        live=FolderLiveFrames(tmp_path / "live"),
        media=MediaStore(tmp_path / "media"),
        recordings=None,
        detector=ColourKeyDetector(),
    )

    def spec(profile: str) -> CameraSpec:
        return CameraSpec("cam", "file.mp4", "file.mp4", 5.0, True, "{}", analytics_profile=profile)

    assert camera_detector(spec("traffic"), context) == (context.detector, context.no_detector_reason)
    detector, reason = camera_detector(spec("traffic+motion"), context)
    assert detector is None
    assert "motion only" in reason
    assert features_of("Traffic+Motion").anpr
