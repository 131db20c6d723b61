"""Live ANPR and e-challan wiring through the whole worker: a plated car runs a red light on a file camera.

The worker runs the real pipeline in motion-only mode (no detector model), reads plates on the tracks the
pipeline follows, takes the red phase from `challan.signal_phase` on the bus, and attaches context frames to
the violation. The ANPR store and the e-challan consumer then take the events as they would from the bus.
"""

from __future__ import annotations

import os
from datetime import UTC
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from safecity.anpr.consumer import PlateReadStore
from safecity.anpr.events import PlateReadEvent
from safecity.anpr.models import PlateReadRecord
from safecity.challan.consumer import handle_event
from safecity.challan.events import SignalPhaseEvent
from safecity.challan.evidence import evidence_of
from safecity.challan.models import Violation
from safecity.challan.runtime import build_runtime
from safecity.config.challan import ChallanSettings
from safecity.core.bus import Event
from safecity.core.media import MediaStore
from tests.support.media import write_h264
from tests.worker.conftest import Harness
from tests.worker.conftest import eventually
from tests.worker.plate_scene import START
from tests.worker.plate_scene import driving_down
from tests.worker.plate_scene import plated_frames

SIGNAL = "mall-road-n"
JUNCTION = {
    "signals": [
        {"name": SIGNAL, "start": [0, 0.6], "end": [1, 0.6], "direction": "in", "classes": ["motion", "car"]}
    ]
}


@pytest.fixture(scope="module")
def junction_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """4 s of 720p at 5 fps: one car with plate LEB-06-5700 drives down across the stop line."""
    scene, _ = driving_down()
    path = write_h264(
        tmp_path_factory.mktemp("anpr") / "junction.mp4",
        (frame.image for frame in plated_frames(scene, [driving_down()[1]], "junction")),
        fps=5,
        gop=5,
    )
    os.utime(path, (START, START))  # a file's frames are timed from its modification time
    return path


def of(harness: Harness, topic: str) -> list[Event]:
    return [e for e in harness.events if e.type == topic and e.camera_id == "junction"]


async def test_a_red_light_runner_gets_a_plate_of_the_same_track_and_context_frames(
    harness: Harness, junction_clip: Path
) -> None:
    async with harness.running() as worker:
        red = SignalPhaseEvent(
            source="test", signal=SIGNAL, phase="red", changed_at=datetime.fromtimestamp(START - 10, tz=UTC)
        )
        await harness.bus.publish(red)
        assert await eventually(lambda: worker.signal_feed.phase_at(SIGNAL, START) is not None)
        harness.add_camera("junction", str(junction_clip), analytics_profile="traffic", scene=JUNCTION)
        assert await eventually(lambda: bool(of(harness, "track.ended")))
        assert await eventually(lambda: bool(of(harness, "plate.read") and of(harness, "rule.red_light")))

    [read] = of(harness, "plate.read")
    [violation_event] = of(harness, "rule.red_light")
    assert isinstance(read, PlateReadEvent)
    assert (read.text, read.matched, read.direction) == ("LEB-06-5700", True, "down")
    assert read.track_id == str(violation_event.payload["track_id"])  # the pipeline's track id
    assert (
        violation_event.payload["phase_source"] == "controller"
    )  # from challan.signal_phase, not a schedule
    media = MediaStore(harness.settings.media_dir)
    payload = violation_event.payload
    for sha256 in (
        read.crop_sha256,
        read.snapshot_sha256,
        *(payload[f"context_{k}_sha256"] for k in ("before", "at", "after")),
    ):
        assert sha256
        assert media.exists(sha256)
    assert payload["context_before_time"] < payload["context_at_time"] < payload["context_after_time"]

    # The ANPR store keeps the read; e-challan files the violation with the plate and its context frames.
    PlateReadStore(harness.database).store(read)
    runtime = build_runtime(ChallanSettings(), media)
    handle_event(harness.database, runtime, violation_event)
    handle_event(harness.database, runtime, read)
    with harness.database.session() as session:
        stored = session.scalars(select(PlateReadRecord)).one()
        violation = session.scalars(select(Violation)).one()
        kinds = {row.kind for row in evidence_of(session, violation.id)}
    assert (stored.text, stored.track_id, stored.camera_id) == ("LEB-06-5700", read.track_id, "junction")
    assert (violation.violation_type, violation.plate_text) == ("red_light", "LEB-06-5700")
    assert {
        "snapshot",
        "plate_crop",
        "plate_snapshot",
        "context_before",
        "context_at",
        "context_after",
    } <= kinds


async def test_a_camera_without_an_anpr_profile_reads_no_plates(
    harness: Harness, junction_clip: Path
) -> None:
    async with harness.running():
        harness.add_camera("junction", str(junction_clip), scene=JUNCTION)
        assert await eventually(lambda: bool(of(harness, "track.ended")))

    assert of(harness, "plate.read") == []
    assert of(harness, "rule.red_light") == []  # no controller report and no schedule: the phase is unknown
