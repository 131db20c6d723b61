"""The cluster's singleton jobs run on one API node at a time (a PostgreSQL advisory lock); a standby takes
over when the leader's session ends. Each "node" here is a `SingletonJobs` with its own engine."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from safecity.core.db import Database
from safecity.core.leadership import LEADER_LOCK_KEY
from safecity.core.leadership import SingletonJob
from safecity.core.leadership import SingletonJobs

RETRY_SECONDS = 0.2
DEADLINE = 20.0


class Node:
    """One API node's singleton jobs: a job that says whether it is running right now."""

    def __init__(self, database_url: str) -> None:
        self.database = Database(database_url)
        self.running = False
        self.jobs = SingletonJobs(
            self.database, [SingletonJob("probe", self._probe)], retry_seconds=RETRY_SECONDS
        )

    async def _probe(self) -> None:
        self.running = True
        try:
            await asyncio.Event().wait()
        finally:
            self.running = False

    async def close(self) -> None:
        await self.jobs.stop()
        self.database.dispose()


@contextlib.asynccontextmanager
async def started(*nodes: Node) -> AsyncIterator[None]:
    try:
        for node in nodes:
            await node.jobs.start()
        yield
    finally:
        for node in nodes:
            await node.close()


async def until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"not within {DEADLINE:g} s: {what}")
        await asyncio.sleep(0.05)


def _terminate_lock_holder(database_url: str) -> int:
    """Cut the leader's database session from the server side (what PostgreSQL does to a dead peer)."""
    database = Database(database_url)
    try:
        with database.session() as session:
            holder = session.execute(
                text(
                    "SELECT pid FROM pg_locks JOIN pg_database ON pg_database.oid = pg_locks.database "
                    "WHERE datname = current_database() AND locktype = 'advisory' AND granted "
                    "AND ((classid::bigint << 32) | objid::bigint) = :key"
                ),
                {"key": LEADER_LOCK_KEY},
            ).scalar_one()
            session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": holder})
            return int(holder)
    finally:
        database.dispose()


@pytest.mark.postgres
async def test_exactly_one_of_two_nodes_runs_the_jobs(postgres_url: str) -> None:
    first, second = Node(postgres_url), Node(postgres_url)
    async with started(first, second):
        await until(lambda: first.running or second.running, "a node runs the jobs")
        await asyncio.sleep(5 * RETRY_SECONDS)  # the standby has tried again several times meanwhile
        assert [first.running, second.running].count(True) == 1
        assert [first.jobs.leading, second.jobs.leading].count(True) == 1


@pytest.mark.postgres
async def test_the_standby_takes_over_when_the_leaders_session_ends(postgres_url: str) -> None:
    first, second = Node(postgres_url), Node(postgres_url)
    async with started(first, second):
        await until(lambda: first.running or second.running, "a node runs the jobs")
        leader, standby = (first, second) if first.running else (second, first)

        await asyncio.to_thread(_terminate_lock_holder, postgres_url)

        await until(lambda: standby.running, "the standby runs the jobs")
        await until(lambda: not leader.running, "the old leader stopped its jobs")
        await asyncio.sleep(5 * RETRY_SECONDS)
        assert (leader.running, standby.running) == (False, True)


@pytest.mark.postgres
async def test_a_leader_that_stops_hands_over_at_once(postgres_url: str) -> None:
    first, second = Node(postgres_url), Node(postgres_url)
    async with started(first, second):
        await until(lambda: first.running or second.running, "a node runs the jobs")
        leader, standby = (first, second) if first.running else (second, first)
        await leader.jobs.stop()
        assert not leader.running
        await until(lambda: standby.running, "the standby runs the jobs")


async def test_a_node_whose_database_is_unreachable_keeps_trying_and_runs_nothing() -> None:
    unreachable = Node("postgresql+psycopg://postgres@127.0.0.1:1/nowhere?connect_timeout=1")
    async with started(unreachable):
        await asyncio.sleep(5 * RETRY_SECONDS)
        assert not unreachable.running
        assert not unreachable.jobs.leading


async def test_on_sqlite_the_only_node_runs_the_jobs_at_once(tmp_path: Path) -> None:
    node = Node(f"sqlite:///{tmp_path / 'safecity.db'}")
    async with started(node):
        await until(lambda: node.running, "the node runs the jobs")
    assert not node.running
