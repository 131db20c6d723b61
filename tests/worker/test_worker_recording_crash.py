"""A recording process killed with SIGKILL mid-segment loses at most the fragment it had not flushed, and the
next worker start recovers the partial file into its segments and the cluster's recording index."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from safecity.cameras.recording_index import indexed_in
from safecity.video.segment_store import recordings_dir
from tests.support.polling import eventually
from tests.support.rtsp import RtspServer
from tests.worker.conftest import Harness

REPO = Path(__file__).resolve().parents[2]
GOP_SECONDS = 1.0  # the served clip has a keyframe every second: segments are flushed fragment by fragment
IN_TRANSIT_SECONDS = 1.0  # packets sent before the kill but not yet read from the socket
RECORD_SECONDS = 3.0


def record_and_kill(root: Path, camera_id: str, url: str) -> tuple[Path, float]:
    """Record `url` in another process for a few seconds, SIGKILL it; the partial file it left and when."""
    recorder = subprocess.Popen(
        [sys.executable, "-m", "tests.support.recording_process", str(root), camera_id, url],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert recorder.stdout is not None
        partial = Path(recorder.stdout.readline().strip())
        started_at = int(partial.name.split(".")[0]) / 1000
        eventually(lambda: time.time() > started_at + RECORD_SECONDS, "a few seconds recorded")
        killed_at = time.time()
        os.kill(recorder.pid, signal.SIGKILL)
    finally:
        recorder.kill()
        recorder.wait(timeout=30)
    assert recorder.returncode == -signal.SIGKILL
    assert partial.exists()
    return partial, killed_at


@pytest.mark.slow
async def test_a_recorder_killed_mid_segment_loses_only_its_unflushed_fragment_and_is_indexed_at_start(
    harness: Harness, rtsp_server: RtspServer
) -> None:
    root = recordings_dir(harness.settings.data_dir)
    partial, killed_at = record_and_kill(root, "gate-1", rtsp_server.url)

    async with harness.running(worker_id="worker-a") as worker:
        assert worker.recordings is not None
        [recovered] = worker.recordings.segments("gate-1")

    assert recovered.path.parent == partial.parent
    assert recovered.start == int(partial.name.split(".")[0]) / 1000
    assert recovered.end >= killed_at - GOP_SECONDS - IN_TRANSIT_SECONDS
    with harness.database.session() as session:
        [row] = indexed_in(session, "gate-1", recovered.start, recovered.end)
        assert (row.start_ms, row.end_ms, row.worker_id) == (
            round(recovered.start * 1000),
            round(recovered.end * 1000),
            "worker-a",
        )
