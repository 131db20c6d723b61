"""Cross-process wake-ups for the embedded bus on PostgreSQL: LISTEN/NOTIFY.

A publish sends `NOTIFY` in its own transaction, so the notice goes out exactly when the message becomes
visible (and never for a rolled-back one). Every started bus keeps one connection of its own (psycopg,
autocommit) that LISTENs and wakes the local consumers for each notice. When that connection breaks it is
made again, and the bus is woken once on reconnecting for whatever was published while it was not listening.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

import psycopg
from sqlalchemy import text
from sqlalchemy.orm import Session

from safecity.core.db import Database

logger = logging.getLogger(__name__)

# NOTIFY channels are per database, and one database holds one deployment's log.
CHANNEL = "safecity_bus_messages"
APPLICATION_NAME = "safecity-bus-wakeup"


class PostgresWakeup:
    def __init__(self, database: Database, *, reconnect_wait: float = 1.0) -> None:
        self._database = database
        self._reconnect_wait = reconnect_wait
        self._listener: asyncio.Task[None] | None = None
        self._listening = False

    def announce_in(self, session: Session) -> None:
        session.execute(text(f"NOTIFY {CHANNEL}"))

    async def start(self, wake: Callable[[], None]) -> None:
        """Returns once the first attempt to listen has succeeded or failed; failures are retried behind."""
        if self._listener is not None:
            return
        first_attempt = asyncio.Event()
        self._listener = asyncio.create_task(self._listen(wake, first_attempt), name="bus wake-up listener")
        await first_attempt.wait()

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None

    def health(self) -> dict[str, Any]:
        return {"kind": "postgresql listen/notify", "channel": CHANNEL, "listening": self._listening}

    async def _listen(self, wake: Callable[[], None], first_attempt: asyncio.Event) -> None:
        failing = False
        while True:
            try:
                async with await self._connect() as connection:
                    await connection.execute(f"LISTEN {CHANNEL}")
                    self._listening = True
                    first_attempt.set()
                    if failing:
                        logger.info("bus: listening for wake-ups on PostgreSQL again")
                        failing = False
                    wake()  # for what was published while nobody listened
                    async for _notice in connection.notifies():
                        wake()
            except (psycopg.Error, OSError) as error:
                if not failing:
                    logger.warning(
                        "bus: cannot listen for wake-ups on PostgreSQL (%s); other processes' events wait "
                        "for the poll until it can",
                        error,
                    )
                    failing = True
            finally:
                self._listening = False
                first_attempt.set()
            await asyncio.sleep(self._reconnect_wait)

    async def _connect(self) -> psycopg.AsyncConnection[Any]:
        engine = self._database.engine
        arguments, options = engine.dialect.create_connect_args(engine.url)
        return await psycopg.AsyncConnection.connect(
            *arguments, **options, autocommit=True, application_name=APPLICATION_NAME
        )
