"""Each consumer's durables on nats-server are filtered to its patterns (and its replays), so the server
hands it only what it asked for; a consumer's single unfiltered durable of before is migrated to them
without losing what it had not acknowledged.

These run on the shared nats-server, each with a prefix of its own (deleted afterwards). Their events are of
types no domain declares (`sample.*`), so they stay plain events whatever other tests have imported.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import pytest
from nats.js.api import AckPolicy
from nats.js.api import ConsumerConfig
from nats.js.errors import NotFoundError
from tests.conftest import require_service
from tests.core.bus.conftest import NATS_URL
from tests.core.bus.conftest import delete_stream
from tests.core.bus.conftest import nats_bus
from tests.core.bus.conftest import shared_nats_available
from tests.core.bus.conftest import unique_names

from safecity.core.bus import Event
from safecity.core.bus import NatsBus
from safecity.core.db import Database

pytestmark = [pytest.mark.nats, pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)]


@pytest.fixture
async def bus(database: Database) -> AsyncIterator[NatsBus]:
    require_service("NATS", shared_nats_available())
    started = nats_bus(database, NATS_URL, unique_names())
    await started.start()
    try:
        yield started
    finally:
        await started.close()
        with contextlib.suppress(NotFoundError):
            await delete_stream(NATS_URL, started.names.stream)


async def test_a_consumer_is_delivered_only_its_patterns_by_the_server(bus, server, recorder):
    handler = recorder()
    await bus.subscribe("challan", ["rule.wrong_way", "plate.read"], handler)
    sent = [Event(type="rule.wrong_way"), Event(type="camera.motion"), Event(type="plate.read")]
    for event in sent:
        await bus.publish(event)

    assert sorted(e.type for e in await handler.wait_handled(2)) == ["plate.read", "rule.wrong_way"]
    jetstream = server.jetstream()
    infos = await jetstream.consumers_info(bus.names.stream)
    deliveries = {info.name: info.delivered.consumer_seq for info in infos}
    root = bus.names.prefix
    # One delivery each: the camera.motion event was never handed to any of them.
    assert deliveries == {
        f"{root}_challan__rule-wrong_way": 1,
        f"{root}_challan__plate-read": 1,
        f"{root}_challan__replay": 0,
    }


async def test_a_replayed_dead_letter_comes_back_through_the_replay_durable(bus, recorder, wait_until):
    handler = recorder(failures=1000)
    await bus.subscribe("faces", ["sample.sighting"], handler, max_deliver=1)
    event = Event(type="sample.sighting")
    await bus.publish(event)
    [letter] = await wait_until(lambda: bus.dead_letters("faces"))
    handler.stop_failing()

    await bus.replay_dead_letter(letter.id)

    assert await handler.wait_handled(1) == [event]


async def test_the_single_durable_of_before_is_migrated_from_its_first_unacknowledged_event(
    bus, server, recorder, wait_until
):
    root = bus.names.prefix
    jetstream = server.jetstream()
    sent = [Event(type="sample.read", payload={"n": n}) for n in range(3)]
    for event in sent:
        await bus.publish(event)
    legacy = await jetstream.pull_subscribe(
        f"{root}.>",
        durable=f"{root}_anpr-store",
        stream=bus.names.stream,
        config=ConsumerConfig(ack_policy=AckPolicy.EXPLICIT),
    )
    first, _never_acknowledged = await legacy.fetch(2, timeout=5)
    await first.ack_sync()  # confirmed; the second was delivered, never acknowledged (its node died)
    handler = recorder()

    await bus.subscribe("anpr-store", ["sample.read"], handler)

    assert await handler.wait_handled(2) == sent[1:]
    names = {info.name for info in await jetstream.consumers_info(bus.names.stream)}
    assert names == {f"{root}_anpr-store__sample-read", f"{root}_anpr-store__replay"}


async def test_a_pattern_added_to_a_consumer_gets_the_events_from_then_on_not_its_history(
    database, bus, recorder
):
    await bus.subscribe("poi-match", ["sample.candidate"], recorder())
    await bus.publish(Event(type="sample.hit"))  # not this consumer's business yet
    await bus.close()
    again = nats_bus(database, NATS_URL, bus.names)
    await again.start()
    try:
        handler = recorder()
        await again.subscribe("poi-match", ["sample.candidate", "sample.hit"], handler)
        later = Event(type="sample.hit")
        await again.publish(later)

        assert await handler.wait_handled(1) == [later]
    finally:
        await again.close()
