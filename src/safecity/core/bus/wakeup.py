"""Waking embedded buses in other processes that share the database as soon as a publish commits.

The publishing transaction announces itself (`announce_in`); every started embedded bus listens and wakes its
consumers and live feed. PostgreSQL has LISTEN/NOTIFY for this (`postgres_wakeup`); SQLite has nothing that
crosses connections, so the buses of one database file meet in a directory of named pipes (`fifo_wakeup`).
A lost notice costs only latency: the bus still polls the log as a safety net.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from typing import Protocol

from sqlalchemy.orm import Session

from safecity.core.bus.fifo_wakeup import FifoWakeup
from safecity.core.db import Database

Wake = Callable[[], None]


class CrossProcessWakeup(Protocol):
    def announce_in(self, session: Session) -> None:
        """Inside the transaction that appends to the log: the listening buses are woken once it commits."""
        ...

    async def start(self, wake: Wake) -> None:
        """Listen from now on; `wake` is called in the running event loop for every notice."""
        ...

    async def close(self) -> None: ...

    def health(self) -> dict[str, Any]:
        """`{"kind": ..., "listening": bool}`."""
        ...


class PollOnly:
    """No cross-process notices (in-memory database, or switched off): other processes wait for the poll."""

    def announce_in(self, session: Session) -> None:
        return None

    async def start(self, wake: Wake) -> None:
        return None

    async def close(self) -> None:
        return None

    def health(self) -> dict[str, Any]:
        return {"kind": "poll only", "listening": False}


def wakeup_for(database: Database) -> CrossProcessWakeup:
    """The mechanism that fits the database: LISTEN/NOTIFY on PostgreSQL, named pipes beside a SQLite file."""
    if database.dialect == "postgresql":
        # Imported here: like SQLAlchemy, load psycopg only when the database is PostgreSQL.
        from safecity.core.bus.postgres_wakeup import PostgresWakeup

        return PostgresWakeup(database)
    if database.dialect == "sqlite":
        path = sqlite_file(database)
        if path is not None and hasattr(os, "mkfifo"):
            return FifoWakeup(path.with_name(f"{path.name}-bus-wakeup"))
    return PollOnly()


def sqlite_file(database: Database) -> Path | None:
    """The absolute path of a file-backed SQLite database; None for an in-memory or URI-named one."""
    name = database.engine.url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name).absolute()
