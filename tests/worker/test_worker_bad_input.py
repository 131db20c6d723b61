"""Broken cameras get a clear health state and log line; the worker and its other cameras keep running."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from tests.support.http_streams import serve_empty
from tests.support.media import write_audio_only
from tests.support.rtsp import free_port
from tests.worker.conftest import Harness
from tests.worker.conftest import eventually


async def test_broken_sources_are_reported_offline_with_a_reason_and_do_not_stop_the_worker(
    harness: Harness, h264_clip: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    corrupt = tmp_path / "corrupt.mp4"
    corrupt.write_bytes(os.urandom(64 * 1024))
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    audio = write_audio_only(tmp_path / "audio.m4a")
    caplog.set_level(logging.WARNING)
    with serve_empty() as empty_stream:
        broken = {
            "corrupt-file": str(corrupt),
            "wrong-codec": str(audio),
            "zero-byte-file": str(empty),
            "zero-byte-stream": f"{empty_stream}/stream.mjpg",
            "unreachable": f"rtsp://operator:hunter22@127.0.0.1:{free_port()}/cam",
            "missing-file": str(tmp_path / "nowhere.mp4"),
        }
        for camera_id, url in broken.items():
            harness.add_camera(camera_id, url)
        harness.add_camera("good", str(h264_clip), loop=True)
        async with harness.running() as worker:
            for camera_id in broken:
                assert await eventually(lambda c=camera_id: "offline" in harness.health(c)), (  # type: ignore[misc]
                    camera_id,
                    harness.health(camera_id),
                )
            assert await eventually(lambda: "online" in harness.health("good"))
            assert all(runner_alive for runner_alive in (worker.runners["good"].beat().state == "online",))

    for camera_id in broken:
        offline = next(
            e for e in harness.events if e.camera_id == camera_id and getattr(e, "state", "") == "offline"
        )
        assert offline.reason, camera_id  # type: ignore[attr-defined]
        assert any(camera_id in record.getMessage() for record in caplog.records), camera_id
    reasons = {
        e.camera_id: e.reason  # type: ignore[attr-defined]
        for e in harness.events
        if getattr(e, "state", "") == "offline"
    }
    assert "empty" in reasons["zero-byte-file"]
    assert "not found" in reasons["missing-file"]
    everything = caplog.text + " ".join(e.model_dump_json() for e in harness.events)
    assert "hunter22" not in everything  # credentials never reach logs or events
