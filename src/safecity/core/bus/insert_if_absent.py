"""Insert a row unless its primary key exists, as one statement.

One statement rather than read-then-write: on SQLite a transaction that reads and then writes fails at once
with "database is locked" when another connection wrote in between, whatever the busy timeout.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import DeclarativeBase, Session


def insert_if_absent(session: Session, model: type[DeclarativeBase], values: dict[str, Any]) -> None:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(postgresql.insert(model).values(values).on_conflict_do_nothing())
    elif dialect == "sqlite":
        session.execute(sqlite.insert(model).values(values).on_conflict_do_nothing())
    else:
        raise NotImplementedError(f"the bus supports SQLite and PostgreSQL, not {dialect}")
