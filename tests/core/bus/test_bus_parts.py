"""The parts both buses share: live feed bounds, idempotency records, retry backoff, schema, factory."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData

from safecity.config.loading import ConfigError
from safecity.config.loading import load_settings
from safecity.core.bus import BusNames
from safecity.core.bus import EmbeddedBus
from safecity.core.bus import Event
from safecity.core.bus import IdempotencyGuard
from safecity.core.bus import LiveFeed
from safecity.core.bus import NatsBus
from safecity.core.bus import RetryPolicy
from safecity.core.bus import create_bus
from safecity.core.bus import tables as bus_tables
from safecity.core.bus import validate_consumer_name
from safecity.core.bus.nats_durables import covers
from safecity.core.bus.nats_durables import distinct_patterns
from safecity.core.bus.nats_durables import pattern_part


def test_live_feed_is_bounded_and_drops_the_oldest():
    feed = LiveFeed(["camera.*"], max_queue=3, on_close=lambda feed: None)
    events = [Event(type="camera.motion", payload={"n": n}) for n in range(5)]

    for event in events:
        feed.offer(event)
    feed.offer(Event(type="rule.zone.entered"))

    assert feed.pending == 3
    assert feed.dropped == 2


async def test_live_feed_yields_in_order_and_unregisters_on_close():
    closed: list[LiveFeed] = []
    feed = LiveFeed([">"], max_queue=10, on_close=closed.append)
    events = [Event(type="camera.motion", payload={"n": n}) for n in range(3)]
    for event in events:
        feed.offer(event)

    async with feed:
        received = [await anext(feed) for _ in events]

    assert received == events
    assert closed == [feed]


async def test_idempotency_guard_remembers_per_consumer(database):
    guard = IdempotencyGuard(database)
    event_id = uuid.uuid4()

    await guard.mark_handled("alerts", event_id)
    await guard.mark_handled("alerts", event_id)

    assert await guard.already_handled("alerts", event_id) is True
    assert await guard.already_handled("search", event_id) is False
    assert await guard.forget_older_than(timedelta(days=1)) == 0
    assert await guard.forget_older_than(timedelta(0)) == 1
    assert await guard.already_handled("alerts", event_id) is False


def test_retry_backoff_doubles_up_to_the_cap():
    policy = RetryPolicy(first_delay=0.5, max_delay=3.0)

    assert [policy.delay_after(attempt) for attempt in range(1, 6)] == [0.5, 1.0, 2.0, 3.0, 3.0]


@pytest.mark.parametrize("name", ["", "has space", "dotted.name", "wild*", "x" * 101])
def test_consumer_names_must_be_subject_tokens(name):
    with pytest.raises(ValueError, match="invalid consumer name"):
        validate_consumer_name(name)


def test_migration_creates_the_bus_tables_exactly_as_modelled(database):
    bus_metadata = MetaData(naming_convention=bus_tables.Base.metadata.naming_convention)
    for table in bus_tables.Base.metadata.sorted_tables:
        if table.name.startswith("bus_"):
            table.to_metadata(bus_metadata)

    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [
            difference
            for difference in compare_metadata(context, bus_metadata)
            if "bus_" in repr(difference) and difference[0] != "remove_table"
        ]

    assert len(bus_metadata.tables) == 4
    assert differences == []


def test_factory_builds_the_requested_bus(database):
    assert isinstance(create_bus("embedded", database), EmbeddedBus)
    assert isinstance(create_bus("nats", database, nats_url="nats://127.0.0.1:4222"), NatsBus)
    named = create_bus("nats", database, names=BusNames("city-north"))
    assert isinstance(named, NatsBus)
    assert named.names.stream == "CITY_NORTH_EVENTS"
    with pytest.raises(ValueError, match="unknown bus kind"):
        create_bus("kafka", database)  # type: ignore[arg-type]


@pytest.mark.parametrize("prefix", ["", "city.north", "city north", "city>", "city*", "-city", "c" * 33])
def test_an_invalid_bus_prefix_is_refused_with_an_error_naming_it(prefix):
    with pytest.raises(ValueError, match=re.escape(f"bus prefix {prefix!r}")):
        BusNames(prefix)


def test_an_invalid_bus_prefix_in_the_environment_stops_loading_naming_setting_and_value(monkeypatch):
    monkeypatch.setenv("SAFECITY_BUS__PREFIX", "city.north")

    with pytest.raises(ConfigError, match=re.escape("bus.prefix: bus prefix 'city.north' must be")):
        load_settings()


def test_a_pattern_covered_by_another_of_the_same_consumer_gets_no_durable() -> None:
    assert covers("rule.>", "rule.wrong_way")
    assert covers("rule.*", "rule.wrong_way")
    assert covers(">", "camera.*")
    assert not covers("rule.*", "rule.>")
    assert not covers("rule.*", "rule.a.b")
    assert not covers("rule.wrong_way", "rule.*")
    assert distinct_patterns(["rule.wrong_way", "plate.read", "rule.>", "plate.read"]) == [
        "plate.read",
        "rule.>",
    ]
    assert [pattern_part(p) for p in ("rule.>", "camera.*", "plate.read")] == [
        "rule-all",
        "camera-any",
        "plate-read",
    ]
