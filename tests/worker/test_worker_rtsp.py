"""A real RTSP camera run by the worker dies and comes back: health, events, recording and memory recover."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from safecity.cameras.health_store import view_of
from safecity.cameras.models import CameraHealthRow
from safecity.core.db import utcnow
from tests.support.rtsp import RtspServer
from tests.worker.conftest import Harness
from tests.worker.conftest import eventually


def resident_memory_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    pytest.skip("no /proc/self/status on this system")


def stored_state(harness: Harness, camera_id: str) -> str:
    with harness.database.session() as session:
        return view_of(session.get(CameraHealthRow, camera_id), now=utcnow(), stale_after=30).state


@pytest.mark.slow
async def test_worker_reconnects_a_camera_that_dies_and_returns(
    harness: Harness, rtsp_server: RtspServer
) -> None:
    # The registry holds the address without credentials; the worker still opens it (the server ignores auth).
    harness.add_camera("gate-1", rtsp_server.url.replace("rtsp://", "rtsp://viewer:pa55word@"), detect_fps=5)
    async with harness.running() as worker:
        assert await eventually(lambda: harness.health("gate-1")[-1:] == ["online"]), harness.health("gate-1")
        assert await eventually(lambda: stored_state(harness, "gate-1") == "online")
        assert await eventually(lambda: worker.live.get("gate-1") is not None)
        assert await eventually(lambda: bool(worker.recordings and worker.recordings.segments("gate-1")))
        memory_before = resident_memory_bytes()

        killed_at = time.time()  # before stop(): the worker may notice while the server shuts down
        rtsp_server.stop()
        assert await eventually(lambda: harness.health("gate-1")[-1:] == ["offline"])
        assert await eventually(lambda: stored_state(harness, "gate-1") == "offline")

        rtsp_server.start()
        assert await eventually(lambda: harness.health("gate-1")[-1:] == ["online"])
        assert await eventually(lambda: stored_state(harness, "gate-1") == "online")
        assert worker.recordings is not None
        recordings = worker.recordings
        assert await eventually(lambda: any(s.start > killed_at for s in recordings.segments("gate-1")))
        memory_after = resident_memory_bytes()
        beats = [e for e in harness.events if e.type == "worker.heartbeat"]
        assert beats
        assert beats[-1].cameras[0].camera_id == "gate-1"  # type: ignore[attr-defined]

    # The closing event is stored before the worker returns; the live feed delivers it shortly after.
    expected = ["connecting", "online", "offline", "online", "closed"]
    assert await eventually(lambda: harness.health("gate-1") == expected), harness.health("gate-1")
    offline = next(e for e in harness.events if getattr(e, "state", None) == "offline")
    assert offline.reason  # type: ignore[attr-defined]
    assert offline.time.timestamp() >= killed_at - 0.5
    segments = recordings.segments("gate-1")
    before = [s for s in segments if s.end <= killed_at + 0.5]
    after = [s for s in segments if s.start > killed_at]
    assert before
    assert after
    # The outage is a gap between segments (a short one: the recorder is back within a fraction of a second).
    assert after[0].start - before[-1].end > 0
    assert memory_after - memory_before < 64 * 1024 * 1024
    assert all("pa55word" not in e.model_dump_json() for e in harness.events)
