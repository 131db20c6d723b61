"""The demo on PostgreSQL: the API node and the worker both add the sample cameras at start, and the one that
loses the race gives way instead of crashing on the primary key."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from safecity.cameras.service import add_missing_from_settings
from safecity.cameras.service import get_camera
from safecity.cameras.service import sync_from_settings
from safecity.config import CameraSettings
from safecity.core.db import Database
from safecity.core.schema import upgrade
from tests.support.polling import eventually

pytestmark = pytest.mark.postgres
CAMERAS = [CameraSettings(id="lhr-kalma-chowk", name="Kalma Chowk", url="rtsp://cam/1")]


@pytest.fixture
def database(postgres_url: str) -> Iterator[Database]:
    upgrade(postgres_url)
    db = Database(postgres_url)
    yield db
    db.dispose()


def _someone_waits_for_a_lock(database: Database) -> bool:
    with database.engine.connect() as connection:
        waiting = connection.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
        ).scalar_one()
    return bool(waiting)


@pytest.mark.parametrize("loser", [sync_from_settings, add_missing_from_settings], ids=["api", "worker"])
def test_the_second_of_two_starts_gives_way(database: Database, loser: object) -> None:
    failures: list[BaseException] = []

    def second_start() -> None:
        try:
            with database.session() as session:
                loser(session, CAMERAS)  # type: ignore[operator]
        except BaseException as exc:  # reported to the test below
            failures.append(exc)

    with database.session() as first:
        add_missing_from_settings(first, CAMERAS)  # inserted, not yet committed
        racer = threading.Thread(target=second_start)
        racer.start()
        eventually(
            lambda: _someone_waits_for_a_lock(database), "the second start waits on the first's insert"
        )
    racer.join(timeout=60)

    assert not racer.is_alive()
    assert failures == []
    with database.session() as session:
        assert get_camera(session, "lhr-kalma-chowk").managed_by == "config"
