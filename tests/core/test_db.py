"""Database sessions: concurrent read-then-write transactions and nesting on SQLite."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from safecity.core.auth.models import User
from safecity.core.db import Database
from safecity.core.db import NestedSessionError
from safecity.core.schema import upgrade


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Database:
    url = f"sqlite:///{tmp_path / 'safecity.db'}"
    upgrade(url)
    return Database(url)


def add_user(database: Database, name: str) -> None:
    with database.session() as session:
        session.add(User(username=name, role="operator", password_hash="x"))


def test_a_read_then_write_transaction_survives_a_concurrent_writer(sqlite_database: Database) -> None:
    add_user(sqlite_database, "first")
    read_done = threading.Event()
    errors: list[BaseException] = []

    def other_writer() -> None:
        read_done.wait()
        try:
            add_user(sqlite_database, "second")
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=other_writer)
    thread.start()
    with sqlite_database.session() as session:
        user = session.scalars(select(User).where(User.username == "first")).one()
        read_done.set()
        thread.join(timeout=0.3)  # give the other writer the chance to get in between
        user.full_name = "updated after reading"
    thread.join()
    assert errors == []
    with sqlite_database.session() as session:
        assert {u.username for u in session.scalars(select(User))} == {"first", "second"}


def test_a_nested_session_in_one_thread_is_refused_at_once_on_sqlite(sqlite_database: Database) -> None:
    with sqlite_database.session(), pytest.raises(NestedSessionError), sqlite_database.session():
        pass
    with sqlite_database.session() as session:  # the refused attempt left nothing behind
        assert session.scalar(select(User.id)) is None
