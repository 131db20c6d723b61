"""The hotlist-match consumer on a real (embedded) bus: plate reads matched, hotlist hits published once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime
from datetime import timedelta

import pytest

from safecity.anpr import consumer as anpr_store
from safecity.anpr.events import PlateReadEvent
from safecity.anpr.models import PlateReadRecord
from safecity.core.bus import EmbeddedBus
from safecity.core.bus import Event
from safecity.core.db import Database
from safecity.core.db import utcnow
from safecity.watchlist.vehicles import service
from safecity.watchlist.vehicles.consumer import CONSUMER
from safecity.watchlist.vehicles.consumer import HotlistConsumer
from safecity.watchlist.vehicles.events import VehicleHitEvent
from safecity.watchlist.vehicles.schemas import EntryIn
from safecity.watchlist.vehicles.schemas import HotlistIn
from safecity.watchlist.vehicles.vocabulary import HotlistKind
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


async def stored_reads(database: Database, expected: int) -> int:
    """The number of stored reads once it reaches `expected` (or the deadline passes)."""
    loop = asyncio.get_running_loop()
    until = loop.time() + DEADLINE
    while True:
        with database.session() as session:
            count = session.query(PlateReadRecord).count()
        if count >= expected or loop.time() > until:
            return count
        await asyncio.sleep(0.05)


async def test_plate_reads_are_stored_and_hotlist_hits_published(
    database: Database, bus: EmbeddedBus
) -> None:
    hotlist_with(database, "LEB-06-5700")
    hits: asyncio.Queue[Event] = asyncio.Queue()

    async def collect(event: Event) -> None:
        await hits.put(event)

    await bus.subscribe("test-hits", ["watchlist.vehicle_hit"], collect)
    await bus.subscribe(anpr_store.CONSUMER, ["plate.read"], anpr_store.PlateReadStore(database))
    await bus.subscribe(CONSUMER, ["plate.read"], HotlistConsumer(database, bus))
    sighting = plate_read("LE8-06-57OO", crop="ab" * 32)  # an OCR-confused read of the stolen car
    await bus.publish(plate_read("RIA-12-9133"))
    await bus.publish(sighting)

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

    assert await stored_reads(database, 2) == 2
    assert hits.empty()


def test_redelivery_repeats_the_same_hit_ids(database: Database) -> None:
    hotlist_with(database, "LEB-06-5700")
    matcher = HotlistConsumer(database, bus=None)  # type: ignore[arg-type]  # hits_for does not publish
    event = plate_read("LEB-06-5700")

    first = matcher.hits_for(event)
    second = matcher.hits_for(event)

    assert len(first) == 1
    assert [hit.id for hit in first] == [hit.id for hit in second]


def seen_at(text: str, time: datetime) -> PlateReadEvent:
    return plate_read(text).model_copy(update={"time": time})


def test_expired_entries_never_match(database: Database) -> None:
    now = utcnow()
    hotlist_with(database, "LEB-06-5700", expires_at=now + timedelta(minutes=10))
    matcher = HotlistConsumer(database, bus=None)  # type: ignore[arg-type]

    assert len(matcher.hits_for(seen_at("LEB-06-5700", now + timedelta(minutes=5)))) == 1
    assert matcher.hits_for(seen_at("LEB-06-5700", now + timedelta(minutes=15))) == []
    # A late delivery of a sighting made before expiry still finds the entry expired now.
    late = matcher.hits_for(seen_at("LEB-06-5700", now + timedelta(minutes=5)), now=now + timedelta(hours=1))
    assert late == []
