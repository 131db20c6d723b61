"""Database engine, sessions and the declarative base shared by every domain.

SQLite (embedded default, WAL mode) and PostgreSQL are both first-class: the same models, migrations and
tests run on both. Everything here is synchronous SQLAlchemy 2; async code calls it through a thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any
from typing import TypeVar

from sqlalchemy import ColumnElement
from sqlalchemy import DateTime
from sqlalchemy import Engine
from sqlalchemy import MetaData
from sqlalchemy import Select
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.orm import Session
from sqlalchemy.orm import sessionmaker
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


_Row = TypeVar("_Row")
_Rows = TypeVar("_Rows")


def get_or_raise(session: Session, model: type[_Row], key: object, missing: Exception) -> _Row:
    """The row of `model` with primary key `key`, or raise `missing` (a domain's not-found error)."""
    row = session.get(model, key)
    if row is None:
        raise missing
    return row


def where_given(query: Select[_Rows], *filters: tuple[QueryableAttribute[Any], object]) -> Select[_Rows]:
    """`query` narrowed by each `(column, wanted)` whose `wanted` was given: a list or tuple means "one of",
    anything else "equal to"; None, "" and empty lists mean "any" (False is a wanted value)."""
    for column, wanted in filters:
        if wanted is None or wanted == "" or (isinstance(wanted, list | tuple) and not wanted):
            continue
        query = query.where(
            column.in_(list(wanted)) if isinstance(wanted, list | tuple) else column == wanted
        )
    return query


def within(column: QueryableAttribute[datetime], moment: datetime, window: timedelta) -> ColumnElement[bool]:
    """`column` at most `window` before or after `moment` (both ends included)."""
    return column.between(moment - window, moment + window)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite stores naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; attach a timezone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINTs; SQLAlchemy emits BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def create_db_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys and a busy timeout on every connection."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _configure_sqlite)
        # IMMEDIATE: a transaction that reads and then writes would otherwise fail at once with "database is
        # locked" when another connection committed in between; taking the write lock up front makes it wait.
        event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN IMMEDIATE"))
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        url = str(parsed.set(drivername="postgresql+psycopg"))
    return create_engine(url, echo=echo, pool_pre_ping=True, pool_size=10, max_overflow=20)


class NestedSessionError(RuntimeError):
    """A session was opened inside another in the same thread (a self-deadlock on SQLite)."""


class Database:
    """The engine plus a session factory; one per process."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.engine = create_db_engine(url, echo=echo)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._open = threading.local()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any exception.

        On SQLite every transaction takes the write lock when it begins, so a second session opened in the
        same thread while one is open would wait for itself; that is refused at once instead.
        """
        depth: int = getattr(self._open, "depth", 0)
        if self.dialect == "sqlite" and depth:
            raise NestedSessionError(
                "a database session is already open in this thread; pass it down instead of opening another"
            )
        self._open.depth = depth + 1
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
            self._open.depth -= 1

    def ping(self) -> None:
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()
