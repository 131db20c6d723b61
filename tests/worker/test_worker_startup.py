"""A worker started before its servers waits for them; the camera registry wins over a worker's own file."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from safecity.cameras.models import Camera
from safecity.cameras.schemas import CameraCreate
from safecity.cameras.service import create_camera
from safecity.cameras.startup import check_worker_cameras
from safecity.config import load_settings
from safecity.core.db import Database
from safecity.worker.runtime import serve_worker
from safecity.worker.worker import WorkerOptions
from tests.support.rtsp import free_port


async def test_a_worker_whose_database_is_down_waits_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    url = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/nowhere"
    settings = load_settings(None, data_dir=tmp_path / "data", database_url=url)
    stop = asyncio.Event()
    running = asyncio.create_task(serve_worker(settings, WorkerOptions(worker_id="early"), stop))
    for _ in range(600):
        if "the database is unreachable" in caplog.text:
            break
        await asyncio.sleep(0.1)
    assert "the database is unreachable" in caplog.text
    assert "trying again in" in caplog.text
    assert not running.done()  # still waiting, not crashed
    stop.set()
    await asyncio.wait_for(running, 60)


async def test_a_worker_whose_bus_is_down_waits_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    settings = load_settings(
        None,
        data_dir=tmp_path / "data",
        bus={"kind": "nats", "nats_url": f"nats://127.0.0.1:{free_port()}", "start_timeout_seconds": 2},
    )
    stop = asyncio.Event()
    running = asyncio.create_task(serve_worker(settings, WorkerOptions(worker_id="early"), stop))
    for _ in range(900):
        if "the nats bus is unreachable" in caplog.text:
            break
        await asyncio.sleep(0.1)
    assert "the nats bus is unreachable" in caplog.text
    assert not running.done()
    stop.set()
    await asyncio.wait_for(running, 60)


def test_where_a_workers_file_and_the_registry_disagree_the_registry_wins(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with database.session() as session:
        create_camera(session, CameraCreate(id="gate", name="Gate", url="/clips/gate.mp4", detect_fps=5))
    declared = [
        {"id": "gate", "name": "Gate", "url": "/clips/other.mp4", "detect_fps": 10},
        {"id": "yard", "name": "Yard", "url": "/clips/yard.mp4"},
    ]
    settings = load_settings(None, data_dir=tmp_path / "data", cameras=declared)
    check_worker_cameras(settings, database)
    with database.session() as session:
        gate, yard = session.get(Camera, "gate"), session.get(Camera, "yard")
        assert gate is not None
        assert (gate.url, gate.detect_fps) == ("/clips/gate.mp4", 5)
        assert yard is not None  # what the registry lacked is added
    logged = capsys.readouterr().out
    assert "the registry wins" in logged
    assert "fields=url,detect_fps" in logged
