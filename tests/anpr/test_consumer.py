"""The anpr-store consumer on a real (embedded) bus: reads stored once, hotlist hits published once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta

import pytest

from safecity.anpr.consumer import CONSUMER, PlateReadStore
from safecity.anpr.events import PlateReadEvent
from safecity.anpr.models import PlateReadRecord
from safecity.core.bus import EmbeddedBus, Event, parse_event
from safecity.core.db import Database, utcnow
from safecity.watchlist.vehicles import service
from safecity.watchlist.vehicles.events import VehicleHitEvent
from safecity.watchlist.vehicles.models import HotlistKind
from safecity.watchlist.vehicles.schemas import EntryIn, HotlistIn
from tests.anpr.conftest import plate_read
from tests.watchlist.vehicles.conftest import ADMIN

DEADLINE = 15.0


@pytest.fixture
async def bus(database: Database) -> AsyncIterator[EmbeddedBus]:
    bus = EmbeddedBus(database, poll_interval=0.05)
    await bus.start()
    yield bus
    await bus.close()


def hotlist_with(database: Database, plate: str, expires_at: datetime | None = None) -> None:
    with database.session() as session:
        hotlist = service.create_hotlist(session, HotlistIn(name="stolen", kind=HotlistKind.STOLEN), ADMIN)
        entry = EntryIn(plate=plate, reason="stolen car", case_ref="FIR-9", expires_at=expires_at)
        service.upsert_entry(session, hotlist.id, entry, ADMIN)


async def test_plate_reads_are_stored_and_hotlist_hits_published(
    database: Database, bus: EmbeddedBus
) -> None:
    hotlist_with(database, "LEB-06-5700")
    hits: asyncio.Queue[Event] = asyncio.Queue()

    async def collect(event: Event) -> None:
        await hits.put(event)

    await bus.subscribe("test-hits", ["watchlist.vehicle_hit"], collect)
    await bus.subscribe(CONSUMER, ["plate.read"], PlateReadStore(database, bus))
    sighting = plate_read("LE8-06-57OO", crop="ab" * 32)  # an OCR-confused read of the stolen car
    await bus.publish(plate_read("RIA-12-9133"))
    await bus.publish(sighting)  # one consumer handles events in order: its hit means both are stored

    hit = await asyncio.wait_for(hits.get(), DEADLINE)
    assert isinstance(hit, VehicleHitEvent)
    assert (hit.list_name, hit.reason, hit.case_ref, hit.entry_plate) == (
        "stolen",
        "stolen car",
        "FIR-9",
        "LEB-06-5700",
    )
    assert (hit.read_event_id, hit.crop_sha256, hit.camera_id) == (str(sighting.id), "ab" * 32, "cam-1")
    assert hit.distance == 0.75
    assert 0 < hit.score < 1

    with database.session() as session:
        assert session.query(PlateReadRecord).count() == 2
    assert hits.empty()


def test_redelivery_stores_nothing_twice_and_repeats_the_same_hit_ids(database: Database) -> None:
    hotlist_with(database, "LEB-06-5700")
    store = PlateReadStore(database, bus=None)  # type: ignore[arg-type]  # store_and_match does not publish
    event = plate_read("LEB-06-5700")

    first = store.store_and_match(event)
    second = store.store_and_match(event)

    assert len(first) == 1
    assert [hit.id for hit in first] == [hit.id for hit in second]
    with database.session() as session:
        assert session.query(PlateReadRecord).count() == 1


def seen_at(text: str, time: datetime) -> PlateReadEvent:
    return plate_read(text).model_copy(update={"time": time})


def test_expired_entries_never_match(database: Database) -> None:
    now = utcnow()
    hotlist_with(database, "LEB-06-5700", expires_at=now + timedelta(minutes=10))
    store = PlateReadStore(database, bus=None)  # type: ignore[arg-type]

    assert len(store.store_and_match(seen_at("LEB-06-5700", now + timedelta(minutes=5)))) == 1
    assert store.store_and_match(seen_at("LEB-06-5700", now + timedelta(minutes=15))) == []
    # A late delivery of a sighting made before expiry still finds the entry expired now.
    assert (
        store.store_and_match(
            seen_at("LEB-06-5700", now + timedelta(minutes=5)), now=now + timedelta(hours=1)
        )
        == []
    )


async def test_an_untyped_plate_read_parses_and_an_incomplete_one_is_skipped(database: Database) -> None:
    legacy = parse_event(Event(type="plate.read", camera_id="cam-4", payload={"text": "LEB-5700"}).to_json())
    assert isinstance(legacy, PlateReadEvent)
    assert (legacy.camera_id, legacy.text, legacy.complete) == ("cam-4", "LEB-5700", True)

    store = PlateReadStore(database, bus=None)  # type: ignore[arg-type]
    await store(Event(type="plate.read", payload={"note": "no camera, no text"}))
    await store(legacy)
    with database.session() as session:
        assert [row.camera_id for row in session.query(PlateReadRecord)] == ["cam-4"]
