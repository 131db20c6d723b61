"""Insert a row (or rows) unless its primary key exists, as one statement.

One statement rather than read-then-write: on SQLite a transaction that reads and then writes fails at once
with "database is locked" when another connection wrote in between, whatever the busy timeout.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Session


def insert_if_absent(session: Session, model: type[DeclarativeBase], values: dict[str, Any]) -> None:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(postgresql.insert(model).values(values).on_conflict_do_nothing())
    elif dialect == "sqlite":
        session.execute(sqlite.insert(model).values(values).on_conflict_do_nothing())
    else:
        raise NotImplementedError(f"the bus supports SQLite and PostgreSQL, not {dialect}")


def insert_all_if_absent(
    session: Session, model: type[DeclarativeBase], rows: Sequence[dict[str, Any]]
) -> None:
    """Rows whose key (or any unique constraint) already exists are skipped. Sent as one executemany, which
    SQLAlchemy turns into few multi-row INSERTs from one cached statement."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(postgresql.insert(model).on_conflict_do_nothing(), list(rows))
    elif dialect == "sqlite":
        session.execute(sqlite.insert(model).on_conflict_do_nothing(), list(rows))
    else:
        raise NotImplementedError(f"the bus supports SQLite and PostgreSQL, not {dialect}")
