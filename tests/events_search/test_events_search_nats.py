"""On the NATS bus, with PostgreSQL (the real nats-server and database, under a bus prefix of the test's
own): published events become searchable, and an event delivered again is stored once."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from nats.aio.client import Client
from nats.js.errors import NotFoundError
from sqlalchemy import func
from sqlalchemy import select

from safecity.config import Settings
from safecity.config import load_settings
from safecity.core.bus import BusNames
from safecity.core.bus import Event
from safecity.core.bus.nats_consumer import MESSAGE_ID_HEADER
from safecity.core.bus.nats_consumer import event_subject
from safecity.core.bus.tables import HandledEvent
from safecity.core.http.services import Services
from safecity.events_search.index import CONSUMER
from safecity.events_search.models import EventLogEntry
from tests.api.conftest import auth
from tests.conftest import require_service
from tests.core.bus.conftest import NATS_URL
from tests.core.bus.conftest import delete_stream
from tests.core.bus.conftest import shared_nats_available
from tests.core.bus.conftest import unique_names

pytestmark = [
    pytest.mark.nats,
    pytest.mark.postgres,
    pytest.mark.parametrize("database_url", ["postgresql"], indirect=True),
]

DEADLINE = 20.0


@pytest.fixture
def names() -> Iterator[BusNames]:
    require_service("NATS", shared_nats_available())
    names = unique_names()
    yield names
    with contextlib.suppress(NotFoundError):
        asyncio.run(delete_stream(NATS_URL, names.stream))


@pytest.fixture
def settings(tmp_path: Path, database_url: str, names: BusNames) -> Settings:
    bus = {"kind": "nats", "nats_url": NATS_URL, "prefix": names.prefix}
    return load_settings(None, data_dir=tmp_path / "data", database_url=database_url, bus=bus)


def services_of(client: TestClient) -> Services:
    return client.app.state.services  # type: ignore[attr-defined]


def searched(client: TestClient, headers: dict[str, str], count: int, **params: Any) -> list[dict[str, Any]]:
    deadline = time.monotonic() + DEADLINE
    while True:
        response = client.get("/api/v1/events", params=params, headers=headers)
        assert response.status_code == 200, response.text
        events: list[dict[str, Any]] = response.json()["events"]
        if len(events) >= count:
            return events
        if time.monotonic() > deadline:
            pytest.fail(f"{count} events not searchable within {DEADLINE} s: {events}")
        time.sleep(0.05)


def stored_copies(client: TestClient, event: Event) -> int:
    with services_of(client).database.session() as session:
        query = select(func.count()).select_from(EventLogEntry).where(EventLogEntry.id == str(event.id))
        return int(session.scalar(query) or 0)


def handled_by_the_index(client: TestClient, event: Event) -> bool:
    with services_of(client).database.session() as session:
        query = select(HandledEvent).where(
            HandledEvent.consumer == CONSUMER, HandledEvent.event_id == str(event.id)
        )
        return session.execute(query).first() is not None


async def publish_raw(names: BusNames, event: Event, message_id: str) -> None:
    """What a producer retrying after the de-duplication window does: the same event, a new message."""
    client = Client()
    await client.connect(NATS_URL)
    try:
        await client.jetstream().publish(
            event_subject(names.subject_root, event.type),
            event.to_json().encode(),
            headers={MESSAGE_ID_HEADER: message_id},
        )
    finally:
        await client.close()


def test_events_published_on_nats_become_searchable(client: TestClient) -> None:
    headers = auth(client, "investigator")
    sent = [Event(type="camera.health", camera_id=f"cam-{n % 3}", payload={"n": n}) for n in range(30)]
    for event in sent:
        client.portal.call(services_of(client).bus.publish, event)  # type: ignore[union-attr]

    found = searched(client, headers, 10, camera_id="cam-1", type="camera.")

    assert sorted(e["payload"]["n"] for e in found) == [n for n in range(30) if n % 3 == 1]
    assert all(e["camera_id"] == "cam-1" for e in found)


def test_an_event_delivered_again_is_stored_once(client: TestClient, names: BusNames) -> None:
    headers = auth(client, "investigator")
    event = Event(type="camera.health", camera_id="cam-9")
    client.portal.call(services_of(client).bus.publish, event)  # type: ignore[union-attr]
    searched(client, headers, 1, camera_id="cam-9")
    asyncio.run(publish_raw(names, event, f"{event.id}.again"))
    marker = Event(type="camera.health", camera_id="cam-9")
    client.portal.call(services_of(client).bus.publish, marker)  # type: ignore[union-attr]

    searched(client, headers, 2, camera_id="cam-9")  # the marker came after the copy, in stream order

    assert stored_copies(client, event) == 1
    # The index's INSERT skips stored ids itself: the bus keeps no record of handled ids for it.
    assert not handled_by_the_index(client, event)
