"""The anpr-store consumer: every plate read stored once, whatever the bus redelivers."""

from __future__ import annotations

from safecity.anpr.consumer import PlateReadStore
from safecity.anpr.events import PlateReadEvent
from safecity.anpr.models import PlateReadRecord
from safecity.core.bus import Event
from safecity.core.bus import parse_event
from safecity.core.db import Database
from tests.anpr.conftest import plate_read


def test_redelivery_stores_nothing_twice(database: Database) -> None:
    store = PlateReadStore(database)
    event = plate_read("LEB-06-5700")

    assert store.store(event) is True
    assert store.store(event) is False
    with database.session() as session:
        assert session.query(PlateReadRecord).count() == 1


async def test_an_untyped_plate_read_parses_and_an_incomplete_one_is_skipped(database: Database) -> None:
    legacy = parse_event(Event(type="plate.read", camera_id="cam-4", payload={"text": "LEB-5700"}).to_json())
    assert isinstance(legacy, PlateReadEvent)
    assert (legacy.camera_id, legacy.text, legacy.complete) == ("cam-4", "LEB-5700", True)

    store = PlateReadStore(database)
    await store(Event(type="plate.read", payload={"note": "no camera, no text"}))
    await store(legacy)
    with database.session() as session:
        assert [row.camera_id for row in session.query(PlateReadRecord)] == ["cam-4"]
