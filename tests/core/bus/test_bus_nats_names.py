"""Every name the NATS bus creates on the server comes from `bus.prefix`, so deployments share one server.

These run on the shared nats-server, each with prefixes of its own (deleted afterwards).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from collections.abc import Callable

import pytest
from nats.js.errors import NotFoundError
from tests.conftest import require_service
from tests.core.bus.conftest import NATS_URL
from tests.core.bus.conftest import delete_stream
from tests.core.bus.conftest import nats_bus
from tests.core.bus.conftest import shared_nats_available
from tests.core.bus.conftest import unique_names

from safecity.core.bus import BusNames
from safecity.core.bus import Event
from safecity.core.bus import NatsBus
from safecity.core.db import Database

pytestmark = [pytest.mark.nats, pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)]

BusFactory = Callable[[BusNames], NatsBus]


@pytest.fixture
async def buses(database: Database) -> AsyncIterator[BusFactory]:
    """Make NATS buses on the shared server; closes them and deletes their streams at the end."""
    require_service("NATS", shared_nats_available())
    made: list[NatsBus] = []

    def make(names: BusNames) -> NatsBus:
        bus = nats_bus(database, NATS_URL, names)
        made.append(bus)
        return bus

    try:
        yield make
    finally:
        for bus in made:
            await bus.close()
        for stream in {bus.names.stream for bus in made}:
            with contextlib.suppress(NotFoundError):
                await delete_stream(NATS_URL, stream)


async def test_stream_subjects_and_durable_consumers_are_named_after_the_prefix(buses, server, recorder):
    names = unique_names()
    bus = buses(names)
    await bus.start()
    handler = recorder()
    await bus.subscribe("alerts", ["camera.*"], handler)
    await bus.publish(Event(type="camera.tamper"))
    await handler.wait_handled(1)

    jetstream = server.jetstream()
    stream = await jetstream.stream_info(names.stream)
    consumers = await jetstream.consumers_info(names.stream)
    stored = await jetstream.get_msg(names.stream, 1)

    assert names.stream == f"TEST_{names.prefix.removeprefix('test-').upper()}_EVENTS"
    assert stream.config.subjects == [f"{names.prefix}.events.>", f"{names.prefix}.replay.>"]
    assert {consumer.name: consumer.config.filter_subject for consumer in consumers} == {
        f"{names.prefix}_alerts__camera-any": f"{names.prefix}.events.camera.*",
        f"{names.prefix}_alerts__replay": f"{names.prefix}.replay.alerts",
    }
    assert stored.subject == f"{names.prefix}.events.camera.tamper"


async def test_buses_with_different_prefixes_never_receive_each_others_events(buses, server, recorder):
    north, south = buses(unique_names()), buses(unique_names())
    await north.start()
    await south.start()
    north_alerts, south_alerts = recorder(), recorder()
    await north.subscribe("alerts", [">"], north_alerts)
    await south.subscribe("alerts", [">"], south_alerts)
    north_sent = [Event(type="camera.tamper", source="north") for _ in range(3)]
    south_sent = [Event(type="camera.tamper", source="south") for _ in range(2)]

    async with north.listen([">"]) as north_live, south.listen([">"]) as south_live:
        for event in north_sent:
            await north.publish(event)
        for event in south_sent:
            await south.publish(event)
        north_seen_live = [await anext(north_live) for _ in north_sent]
        south_seen_live = [await anext(south_live) for _ in south_sent]

    assert await north_alerts.wait_handled(3) == north_sent
    assert await south_alerts.wait_handled(2) == south_sent
    assert north_seen_live == north_sent
    assert south_seen_live == south_sent
    jetstream = server.jetstream()
    assert (await jetstream.stream_info(north.names.stream)).state.messages == 3
    assert (await jetstream.stream_info(south.names.stream)).state.messages == 2
    # Nothing of one arrived late at the other: each consumer has acknowledged exactly its own stream.
    assert north_alerts.calls == north_sent
    assert south_alerts.calls == south_sent


async def test_same_named_consumers_of_two_prefixes_keep_their_own_positions(buses, recorder):
    north_names, south_names = unique_names(), unique_names()
    north, south = buses(north_names), buses(south_names)
    await north.start()
    await south.start()
    north_search = recorder()
    await north.subscribe("search", [">"], north_search)
    await south.subscribe("search", [">"], recorder())
    handled_by_north = Event(type="camera.motion", source="north")
    await north.publish(handled_by_north)
    await north_search.wait_handled(1)
    await north.close()
    await south.close()  # both "search" consumers are away now

    north_again, south_again = buses(north_names), buses(south_names)
    await north_again.start()
    await south_again.start()
    north_missed = [Event(type="camera.motion", source="north", payload={"n": n}) for n in range(2)]
    south_missed = Event(type="camera.motion", source="south")
    for event in north_missed:
        await north_again.publish(event)
    await south_again.publish(south_missed)
    north_resumed, south_resumed = recorder(), recorder()
    await south_again.subscribe("search", [">"], south_resumed)
    await north_again.subscribe("search", [">"], north_resumed)

    assert await south_resumed.wait_handled(1) == [south_missed]
    assert await north_resumed.wait_handled(2) == north_missed
    assert south_resumed.calls == [south_missed]
    assert north_resumed.calls == north_missed
