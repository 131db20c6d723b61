"""The durable JetStream consumers behind one bus consumer, each filtered on the server.

nats-server 2.9 gives a durable one filter subject. So a bus consumer gets one durable per topic pattern
(`<prefix>_<consumer>__<pattern>`, filtered on `<root>.events.<pattern>`) and one for the dead letters sent
back to it (`<prefix>_<consumer>__replay`, filtered on `<root>.replay.<consumer>`): the server hands each
consumer only what it asked for, instead of every event of the stream to be acknowledged unread. A pattern
another pattern of the same consumer already covers gets no durable of its own.

Migration. Before, a consumer was one durable `<prefix>_<consumer>` on everything under the root. When that
durable is found, the new durables start at the first event it had not acknowledged (its ack floor + 1) and
it is deleted after they exist: every event it had not acknowledged yet is delivered again (the handled ids
absorb the ones it had acknowledged out of order), and none is lost. New names rather than changing the old
durable's filter in place (allowed since nats-server 2.8.5) because one durable becomes several, and a
crash between the steps leaves both the old durable and the new ones, which the next start resolves the
same way. A node still running the old code loses its durable and stops consuming (logged); the new
nodes carry on from its ack floor.

A pattern added to a consumer that has its durables gets events from then on (as the single durable did,
which had acknowledged the rest unread), not the stream's history of that topic; a new consumer gets every
retained event, as before. The durable of a pattern a consumer no longer has is left on the server.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from nats.js import JetStreamContext
from nats.js.api import AckPolicy
from nats.js.api import ConsumerConfig
from nats.js.api import DeliverPolicy
from nats.js.errors import BadRequestError
from nats.js.errors import NotFoundError

from safecity.core.bus.names import BusNames
from safecity.core.bus.nats_consumer import event_subject
from safecity.core.bus.nats_consumer import replay_subject

logger = logging.getLogger(__name__)

REPLAY_PART = "replay"


@dataclass(frozen=True, slots=True)
class Durable:
    """One durable pull consumer on the server: its name and the only subject it is given."""

    name: str
    filter_subject: str


def covers(general: str, specific: str) -> bool:
    """Whether every topic `specific` matches is matched by `general` too (both validated patterns)."""
    wanted, given = general.split("."), specific.split(".")
    for index, token in enumerate(wanted):
        if token == ">":
            return len(given) > index
        if index >= len(given) or given[index] == ">":
            return False
        if token not in ("*", given[index]):
            return False
    return len(wanted) == len(given)


def distinct_patterns(patterns: list[str]) -> list[str]:
    """The patterns no other pattern of the list covers, each once, in order."""
    unique = list(dict.fromkeys(patterns))
    return [
        pattern
        for pattern in unique
        if not any(other != pattern and covers(other, pattern) for other in unique)
    ]


def pattern_part(pattern: str) -> str:
    """A pattern as part of a durable name (which allows no `.`, `*` or `>`): `rule.>` → `rule-all`."""
    return "-".join({"*": "any", ">": "all"}.get(token, token) for token in pattern.split("."))


def durables_of(names: BusNames, consumer: str, patterns: list[str]) -> list[Durable]:
    """The durables of one consumer: one per distinct pattern, and the replay one last."""
    durables = [
        Durable(names.durable(consumer, pattern_part(pattern)), event_subject(names.subject_root, pattern))
        for pattern in distinct_patterns(patterns)
    ]
    durables.append(
        Durable(names.durable(consumer, REPLAY_PART), replay_subject(names.subject_root, consumer))
    )
    if len({durable.name for durable in durables}) != len(durables):
        raise ValueError(f"patterns of consumer {consumer!r} give two durables one name: {patterns}")
    return durables


async def ensure_durables(
    jetstream: JetStreamContext,
    stream: str,
    names: BusNames,
    consumer: str,
    durables: list[Durable],
    *,
    ack_wait: float,
) -> None:
    """Create the consumer's durables that do not exist yet, migrating its single durable of before if found.

    Where they start: after the old durable's position when migrating; with the events published from now on
    when the consumer already had its durables (a pattern added to an existing consumer, as with one durable
    before: no replay of its history); with every retained event for a new consumer. The replay durable is
    created last, so its presence says the set was complete before."""
    legacy = names.durable(consumer)
    start = await _first_unacknowledged(jetstream, stream, legacy)
    if start is not None:
        policy = DeliverPolicy.BY_START_SEQUENCE
    elif await _exists(jetstream, stream, durables[-1].name):
        policy = DeliverPolicy.NEW
    else:
        policy = DeliverPolicy.ALL
    for durable in durables:
        config = ConsumerConfig(
            durable_name=durable.name,
            filter_subject=durable.filter_subject,
            ack_policy=AckPolicy.EXPLICIT,
            deliver_policy=policy,
            opt_start_seq=start,
            ack_wait=ack_wait,
            # Unlimited on the server: the bus dead-letters after max_deliver itself, so an event whose
            # consumer keeps dying before the ack is parked with a reason rather than dropped silently.
            max_deliver=-1,
        )
        await _ensure(jetstream, stream, config)
    if start is not None:
        try:
            await jetstream.delete_consumer(stream, legacy)
        except NotFoundError:
            return  # another node migrated it at the same time
        logger.info(
            "bus: consumer %s moved from durable %s to %d filtered durables from stream sequence %d",
            consumer,
            legacy,
            len(durables),
            start,
        )


async def _first_unacknowledged(jetstream: JetStreamContext, stream: str, legacy: str) -> int | None:
    try:
        info = await jetstream.consumer_info(stream, legacy)
    except NotFoundError:
        return None
    return info.ack_floor.stream_seq + 1 if info.ack_floor is not None else 1


async def _exists(jetstream: JetStreamContext, stream: str, name: str) -> bool:
    try:
        await jetstream.consumer_info(stream, name)
    except NotFoundError:
        return False
    return True


async def _ensure(jetstream: JetStreamContext, stream: str, config: ConsumerConfig) -> None:
    """Create the durable unless it exists (its name says its filter: an existing one is kept as it is)."""
    name = config.durable_name or ""
    if not await _exists(jetstream, stream, name):
        try:
            await jetstream.add_consumer(stream, config)
        except BadRequestError:
            await jetstream.consumer_info(
                stream, name
            )  # created meanwhile by another node: fine if it exists
