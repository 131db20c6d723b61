"""Connecting to NATS the way every safecity client does: reconnect forever, but bound the first attempt."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nats.aio.client import Client


@dataclass(frozen=True, slots=True)
class ConnectionCallbacks:
    error: Callable[[Exception], Awaitable[None]]
    disconnected: Callable[[], Awaitable[None]]
    reconnected: Callable[[], Awaitable[None]]


async def connect(
    url: str,
    *,
    name: str,
    callbacks: ConnectionCallbacks,
    connect_timeout: float,
    reconnect_wait: float,
    start_timeout: float,
) -> Client:
    """A connected client that reconnects forever after a server restart; raises (the client closed) when
    the first connection does not succeed within `start_timeout` seconds."""
    # nats-py annotates these timeouts as int but takes seconds as float.
    options: dict[str, Any] = {
        "name": name,
        "connect_timeout": connect_timeout,
        "reconnect_time_wait": reconnect_wait,
        "max_reconnect_attempts": -1,
        "allow_reconnect": True,
        "error_cb": callbacks.error,
        "disconnected_cb": callbacks.disconnected,
        "reconnected_cb": callbacks.reconnected,
    }
    client = Client()
    try:
        # The client retries forever, even for the first connection, so the wait is bounded here.
        async with asyncio.timeout(start_timeout):
            await client.connect(url, **options)
    except BaseException:
        with contextlib.suppress(Exception):
            await client.close()
        raise
    return client
