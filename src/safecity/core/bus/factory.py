"""Pick the bus implementation from configuration."""

from __future__ import annotations

from typing import Literal

from safecity.core.bus.base import EventBus
from safecity.core.bus.embedded import EmbeddedBus
from safecity.core.bus.names import BusNames
from safecity.core.bus.nats import NatsBus
from safecity.core.db import Database

BusKind = Literal["embedded", "nats"]


def create_bus(
    kind: BusKind,
    database: Database,
    *,
    nats_url: str = "nats://127.0.0.1:4222",
    names: BusNames | None = None,
    start_timeout: float = 30.0,
) -> EventBus:
    """The embedded bus (in the database, one server) or NATS JetStream (city scale); call `start()` next."""
    if kind == "embedded":
        return EmbeddedBus(database)
    if kind == "nats":
        return NatsBus(database, url=nats_url, names=names, start_timeout=start_timeout)
    raise ValueError(f"unknown bus kind {kind!r}: expected 'embedded' or 'nats'")
