"""A running installation to back up (database on both backends, evidence media, keys, recorded segments),
an empty one to restore into, and a writer that keeps the database busy meanwhile."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy.engine import make_url

from safecity.config import Settings
from safecity.config import load_settings
from safecity.core.bus import EmbeddedBus
from safecity.core.bus import Event
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.core.schema import upgrade
from safecity.core.signing import load_or_create_signing_key
from safecity.evidence import vault
from safecity.video.segment_store import SegmentStore
from safecity.video.segment_store import recordings_dir
from tests.conftest import fresh_postgres_database
from tests.evidence.conftest import INVESTIGATOR
from tests.evidence.conftest import collect
from tests.support.media import write_h264

CAMERA = "gate-1"
#: 2026-03-01 10:00:00 UTC; the recorded segments follow each other from here, 2 s each.
FIRST_SEGMENT_START = 1772359200.0


def record_segment(settings: Settings, start: float, seconds: int = 2) -> Path:
    """A real H.264 segment, written where and as the camera worker writes them."""
    store = SegmentStore(recordings_dir(settings.data_dir))
    partial = store.partial_path(CAMERA, start)
    shades = [np.full((48, 64, 3), (start + index) % 256, dtype=np.uint8) for index in range(seconds * 10)]
    write_h264(partial, shades)
    return store.finish(partial, CAMERA, start, start + seconds).path


@pytest.fixture
def live(tmp_path: Path, database_url: str) -> Settings:
    """The installation being backed up: an evidence case with 3 items, the signing key, 3 segments."""
    settings = load_settings(None, data_dir=tmp_path / "live", database_url=database_url)
    upgrade(database_url)
    database = Database(database_url)
    media = MediaStore(settings.media_dir)
    with database.session() as session:
        case = vault.create_case(session, "CASE-1", "theft", INVESTIGATOR)
        for number in range(3):
            collect(session, media, f"evidence {number}".encode(), suffix=".jpg", case_id=case.id)
    database.dispose()
    load_or_create_signing_key(settings.data_dir)
    for index in range(3):
        record_segment(settings, FIRST_SEGMENT_START + 2 * index)
    return settings


@pytest.fixture
def empty(tmp_path: Path, database_url: str) -> Iterator[Settings]:
    """An empty data directory and an empty database of the same kind as `live`'s."""
    if make_url(database_url).get_backend_name() == "sqlite":
        yield load_settings(None, data_dir=tmp_path / "restored")
        return
    with fresh_postgres_database() as url:
        yield load_settings(None, data_dir=tmp_path / "restored", database_url=url)


class BusyWriter:
    """Publishes events on the embedded bus as fast as it can, and files an evidence item every tenth one."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.published = 0
        self._stop = threading.Event()
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="busy-writer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=60)
        if self._failure is not None:
            raise AssertionError(f"the writer failed: {self._failure!r}") from self._failure

    def _run(self) -> None:
        try:
            asyncio.run(self._write())
        except BaseException as exc:  # reported by stop()
            self._failure = exc

    async def _write(self) -> None:
        database = Database(self.settings.resolved_database_url)
        bus = EmbeddedBus(database, wake_other_processes=False)
        media = MediaStore(self.settings.media_dir)
        try:
            while not self._stop.is_set():
                await bus.publish(
                    Event(type="camera.motion", camera_id=CAMERA, payload={"n": self.published})
                )
                if self.published % 10 == 0:
                    with database.session() as session:
                        collect(session, media, f"frame {self.published}".encode(), suffix=".jpg")
                self.published += 1
        finally:
            database.dispose()


@contextmanager
def busy_writer(settings: Settings) -> Iterator[BusyWriter]:
    writer = BusyWriter(settings)
    writer.start()
    try:
        yield writer
    finally:
        writer.stop()
