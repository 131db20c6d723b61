"""A clip per violation, cut from real stream-copied recordings (SegmentRecorder → SegmentStore folders)."""

from __future__ import annotations

import time
from datetime import UTC
from datetime import datetime
from pathlib import Path

import av
import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from safecity.challan.clips import attach_due_clips
from safecity.challan.clips import ensure_clip
from safecity.challan.consumer import handle_event
from safecity.challan.models import Violation
from safecity.challan.models import ViolationEvidence
from safecity.challan.runtime import ChallanRuntime
from safecity.challan.runtime import build_runtime
from safecity.challan.vocabulary import ClipStatus
from safecity.config import Settings
from safecity.config.challan import ChallanSettings
from safecity.core.bus import Event
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.core.media import hash_file
from safecity.video.recorder import SegmentRecorder
from safecity.video.segment_store import RecordingsOnDisk
from safecity.video.segment_store import SegmentStore
from safecity.video.source_state import SourceStatus
from tests.api.conftest import auth
from tests.support.media import Image
from tests.support.media import cycle
from tests.support.media import write_h264

FPS = 10
SECONDS = 30
T0 = 1_800_000_000.0  # the recording's first frame (epoch seconds)
CAMERA = "cam-1"


@pytest.fixture(scope="module")
def camera_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 s of H.264 at 10 fps, a keyframe every second (a moving bar, so every frame differs)."""
    frames: list[Image] = []
    for i in range(40):
        image = np.full((120, 160, 3), 40, dtype=np.uint8)
        image[:, 4 * i : 4 * i + 12] = (0, 200, 255)
        frames.append(image)
    return write_h264(tmp_path_factory.mktemp("clips") / "camera.mp4", cycle(frames, SECONDS * FPS), fps=FPS)


def record(clip: Path, root: Path, start_time: float, camera_id: str = CAMERA) -> None:
    """Record the whole file as the worker would (5-second fragmented-MP4 segments), without pacing."""
    store = SegmentStore(root)
    recorder = SegmentRecorder(
        str(clip), camera_id, store, segment_seconds=5, realtime=False, start_time=start_time
    ).start()
    deadline = time.monotonic() + 20
    while recorder.status is not SourceStatus.ENDED and time.monotonic() < deadline:
        time.sleep(0.02)
    recorder.close()
    assert recorder.status is SourceStatus.CLOSED
    assert store.segments(camera_id), "the recorder wrote no segment"


def when(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def red_light(at: float, camera_id: str = CAMERA) -> Event:
    return Event(
        type="rule.red_light",
        time=when(at),
        camera_id=camera_id,
        source="worker:test",
        payload={"rule": "stop-1", "track_id": 1, "object_class": "car"},
    )


def runtime_for(tmp_path: Path, **settings: object) -> ChallanRuntime:
    return build_runtime(
        ChallanSettings.model_validate(settings),
        MediaStore(tmp_path / "media"),
        RecordingsOnDisk(tmp_path / "recordings"),
    )


def detect(database: Database, runtime: ChallanRuntime, event: Event) -> str:
    handle_event(database, runtime, event)
    with database.session() as session:
        violation_id = session.scalar(select(Violation.id).where(Violation.source_key == str(event.id)))
    assert violation_id is not None
    return violation_id


def stored(database: Database, violation_id: str) -> tuple[Violation, list[ViolationEvidence]]:
    with database.session() as session:
        violation = session.get(Violation, violation_id)
        assert violation is not None
        clips = list(
            session.scalars(
                select(ViolationEvidence).where(
                    ViolationEvidence.violation_id == violation_id, ViolationEvidence.kind == "clip"
                )
            )
        )
        session.expunge_all()
    return violation, clips


def clip_span(path: Path) -> tuple[float, int]:
    """Seconds the clip shows (first frame to the end of the last) and its frame count."""
    with av.open(str(path)) as container:
        times = [frame.time for frame in container.decode(video=0) if frame.time is not None]
    return max(times) - min(times) + 1 / FPS, len(times)


def test_a_violation_inside_the_recording_gets_one_clip_covering_its_window(
    database: Database, tmp_path: Path, camera_clip: Path
) -> None:
    record(camera_clip, tmp_path / "recordings", T0)
    runtime = runtime_for(tmp_path)
    at = T0 + 15.3
    event = red_light(at)
    violation_id = detect(database, runtime, event)
    assert stored(database, violation_id)[0].clip_status == ClipStatus.PENDING.value  # the intake never waits

    assert attach_due_clips(database, runtime, when(at + 6)) == 1
    attach_due_clips(database, runtime, when(at + 60))  # later rounds, redelivery and an officer's request:
    handle_event(database, runtime, event)
    ensure_clip(database, runtime, violation_id, when(at + 61))  # ... still one clip

    violation, clips = stored(database, violation_id)
    assert (violation.clip_status, violation.clip_reason, violation.clip_attempts) == ("attached", None, 1)
    (clip,) = clips
    path = runtime.media.path(clip.sha256) if runtime.media else Path()
    assert path.suffix == ".mp4"
    assert hash_file(path) == clip.sha256  # the media store holds exactly the hashed bytes
    assert clip.captured_at is not None
    span, frame_count = clip_span(path)
    clip_start = clip.captured_at.timestamp()
    assert clip_start <= at - 5 <= clip_start + 1  # from a keyframe at most one GOP before t - 5
    assert clip_start + span >= at + 5  # ... through t + 5
    assert frame_count <= (span + 0.01) * FPS


def test_the_window_is_configurable(database: Database, tmp_path: Path, camera_clip: Path) -> None:
    record(camera_clip, tmp_path / "recordings", T0)
    runtime = runtime_for(tmp_path, clip_before_seconds=2, clip_after_seconds=8)
    at = T0 + 10.0
    violation_id = detect(database, runtime, red_light(at))

    ensure_clip(database, runtime, violation_id, when(at + 9))

    _, (clip,) = stored(database, violation_id)
    assert runtime.media is not None
    assert clip.captured_at is not None
    span, _ = clip_span(runtime.media.path(clip.sha256))
    assert clip.captured_at.timestamp() <= at - 2
    assert clip.captured_at.timestamp() + span >= at + 8
    # Stream copy starts on a keyframe: at most one GOP (1 s) of lead-in before the window.
    assert span <= 2 + 8 + 1 + 1 / FPS + 1e-6


def test_a_violation_outside_any_recording_is_unavailable_with_the_reason(
    database: Database, tmp_path: Path, camera_clip: Path
) -> None:
    record(camera_clip, tmp_path / "recordings", T0)
    runtime = runtime_for(tmp_path)
    before = detect(database, runtime, red_light(T0 - 100))  # later footage exists: no need to wait
    after = detect(database, runtime, red_light(T0 + 100))  # nothing yet: waits until the deadline
    elsewhere = detect(database, runtime, red_light(T0 + 15, camera_id="cam-2"))  # never recorded

    attach_due_clips(database, runtime, when(T0 + 110))
    assert stored(database, before)[0].clip_status == ClipStatus.UNAVAILABLE.value
    assert stored(database, after)[0].clip_status == ClipStatus.PENDING.value
    assert stored(database, elsewhere)[0].clip_status == ClipStatus.PENDING.value

    attach_due_clips(database, runtime, when(T0 + 100 + 121))  # past the 2-minute deadline

    for violation_id, camera_id in ((before, CAMERA), (after, CAMERA), (elsewhere, "cam-2")):
        violation, clips = stored(database, violation_id)
        assert violation.clip_status == ClipStatus.UNAVAILABLE.value
        assert violation.clip_reason is not None
        assert violation.clip_reason.startswith(f"no recording of camera {camera_id} from ")
        assert clips == []
    attempts = stored(database, after)[0].clip_attempts
    attach_due_clips(database, runtime, when(T0 + 1000))  # settled: never tried again
    assert stored(database, after)[0].clip_attempts == attempts


def test_a_recording_that_appears_later_is_attached_on_retry(
    database: Database, tmp_path: Path, camera_clip: Path
) -> None:
    runtime = runtime_for(tmp_path)
    at = T0 + 12.0
    violation_id = detect(database, runtime, red_light(at))

    assert attach_due_clips(database, runtime, when(at + 10)) == 0  # the worker has not finished it yet
    violation, clips = stored(database, violation_id)
    assert (violation.clip_status, violation.clip_attempts, clips) == ("pending", 1, [])
    assert violation.clip_reason == "waiting for the recording"

    record(camera_clip, tmp_path / "recordings", T0)
    assert attach_due_clips(database, runtime, when(at + 20)) == 1

    violation, clips = stored(database, violation_id)
    assert violation.clip_status == ClipStatus.ATTACHED.value
    assert len(clips) == 1


def test_footage_covering_part_of_the_window_is_attached_with_a_note(
    database: Database, tmp_path: Path, camera_clip: Path
) -> None:
    record(camera_clip, tmp_path / "recordings", T0)
    runtime = runtime_for(tmp_path)
    violation_id = detect(database, runtime, red_light(T0 + 2))  # the recording starts 3 s into the window

    ensure_clip(database, runtime, violation_id, when(T0 + 8))

    violation, clips = stored(database, violation_id)
    assert violation.clip_status == ClipStatus.ATTACHED.value
    assert violation.clip_reason is not None
    assert violation.clip_reason.startswith("partial: footage from ")
    assert len(clips) == 1


def test_no_clip_is_asked_for_when_clips_are_off(database: Database, tmp_path: Path) -> None:
    runtime = runtime_for(tmp_path, clip_enabled=False)
    violation_id = detect(database, runtime, red_light(T0))

    attach_due_clips(database, runtime, when(T0 + 300))

    assert stored(database, violation_id)[0].clip_status is None


def test_officers_see_the_clip_status_and_opening_a_violation_cuts_its_clip(
    client: TestClient, settings: Settings, camera_clip: Path
) -> None:
    start = time.time() - 60  # a recording of the last minute, where the worker records
    record(camera_clip, settings.data_dir / "recordings", start)
    database = Database(settings.resolved_database_url)
    runtime = build_runtime(settings.challan, MediaStore(settings.media_dir))  # the consumer's side
    try:
        recorded = detect(database, runtime, red_light(start + 15))
        missing = detect(database, runtime, red_light(start - 3600))
    finally:
        database.dispose()
    headers = auth(client, "traffic_officer")

    opened = client.get(f"/api/v1/challan/violations/{recorded}", headers=headers)
    gone = client.get(f"/api/v1/challan/violations/{missing}", headers=headers)

    assert opened.status_code == 200, opened.text
    body = opened.json()
    assert body["clip_status"] == "attached"
    (clip,) = [item for item in body["evidence"] if item["kind"] == "clip"]
    assert clip["url"] == f"/api/v1/media/{clip['sha256']}"
    assert gone.json()["clip_status"] == "unavailable"
    assert gone.json()["clip_reason"].startswith("no recording of camera cam-1 from ")
    listed = client.get("/api/v1/challan/violations", headers=headers).json()
    assert {item["id"]: item["clip_status"] for item in listed} == {
        recorded: "attached",
        missing: "unavailable",
    }
