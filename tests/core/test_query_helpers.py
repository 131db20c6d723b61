"""The small query helpers every domain's service uses: a row or its not-found error; optional filters;
a time within a window either side of a moment."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import QueryableAttribute

from safecity.core.auth.models import User
from safecity.core.db import Database
from safecity.core.db import get_or_raise
from safecity.core.db import where_given
from safecity.core.db import within
from safecity.core.errors import NotFoundError


class UserNotFoundError(NotFoundError):
    pass


def add_users(database: Database, *users: tuple[str, str, bool]) -> None:
    with database.session() as session:
        for name, role, active in users:
            session.add(User(username=name, role=role, password_hash="x", is_active=active))


def usernames(database: Database, *filters: tuple[QueryableAttribute[Any], object]) -> list[str]:
    with database.session() as session:
        return sorted(session.scalars(where_given(select(User.username), *filters)))


def test_a_missing_row_raises_the_given_error(database: Database) -> None:
    add_users(database, ("alice", "operator", True))
    with database.session() as session:
        alice = session.scalars(select(User.id)).one()
        assert get_or_raise(session, User, alice, UserNotFoundError("no user")).username == "alice"
        with pytest.raises(UserNotFoundError, match="no user 999"):
            get_or_raise(session, User, 999, UserNotFoundError("no user 999"))


def test_filters_not_given_match_everything(database: Database) -> None:
    add_users(database, ("alice", "operator", True), ("bob", "supervisor", False))
    assert usernames(database, (User.role, None), (User.role, ""), (User.role, [])) == ["alice", "bob"]


def test_a_list_means_one_of_and_a_value_means_equal_to(database: Database) -> None:
    add_users(database, ("alice", "operator", True), ("bob", "supervisor", True), ("carol", "admin", True))
    assert usernames(database, (User.role, ["operator", "admin"])) == ["alice", "carol"]
    assert usernames(database, (User.role, "supervisor")) == ["bob"]


def test_false_is_a_wanted_value(database: Database) -> None:
    add_users(database, ("alice", "operator", True), ("bob", "supervisor", False))
    assert usernames(database, (User.is_active, False)) == ["bob"]


def test_within_a_window_includes_both_ends_and_nothing_past_them(database: Database) -> None:
    moment = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    window = timedelta(minutes=10)
    created = {
        "too_early": moment - window - timedelta(seconds=1),
        "first": moment - window,
        "middle": moment + timedelta(minutes=3),
        "last": moment + window,
        "too_late": moment + window + timedelta(seconds=1),
    }
    with database.session() as session:
        for name, at in created.items():
            session.add(User(username=name, role="operator", password_hash="x", created_at=at))
    with database.session() as session:
        found = session.scalars(select(User.username).where(within(User.created_at, moment, window)))
        assert sorted(found) == ["first", "last", "middle"]
