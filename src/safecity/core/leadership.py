"""The cluster's singleton jobs (the alert escalation timer, the violation clip job, ...) run on one API
node at a time: the leader, elected through a PostgreSQL advisory lock.

The leader holds `pg_try_advisory_lock` on a connection of its own for as long as it leads. PostgreSQL
releases the lock when that session ends, so a node that dies hands over without any consensus of ours: at
once for a killed process (its socket closes), within the session's TCP keepalive (about 15 s) for a machine
or network that is gone. Standby nodes try to take the lock every `api_nodes.leader_retry_seconds`; the
leader checks its connection as often and stops the jobs when it is lost. Advisory locks are per database, so
deployments on one PostgreSQL server with separate databases do not meet. SQLite has no second node: there
the jobs just run.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from collections.abc import Coroutine
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from prometheus_client import Gauge
from sqlalchemy import Connection
from sqlalchemy import Engine
from sqlalchemy import text

from safecity.core.db import Database
from safecity.core.logs import get_logger

log = get_logger(__name__)

# Any fixed 64-bit number; every node of one deployment (one database) must use the same.
LEADER_LOCK_KEY = 0x5AFEC17_1EADE5
# The server drops the session of a node that stopped answering after idle + interval * count seconds.
SESSION_KEEPALIVE = {"tcp_keepalives_idle": 5, "tcp_keepalives_interval": 3, "tcp_keepalives_count": 3}

LEADING = Gauge("safecity_singleton_jobs_leader", "1 while this API node runs the cluster's singleton jobs")


@dataclass(frozen=True)
class SingletonJob:
    """Work that must run on one node of the cluster; `run` loops until it is cancelled."""

    name: str
    run: Callable[[], Coroutine[Any, Any, None]]


async def repeat_in_thread(
    work: Callable[[], object], every_seconds: float, *, log_failure: Callable[[str], object], failure: str
) -> None:
    """Run blocking `work` in a thread every `every_seconds` until cancelled (a singleton job's `run`). A
    failed round is logged, `log_failure(failure)` inside the handler (a logger's `exception`, with the
    traceback), and the next one runs as planned: the database or the disk may be back by then."""
    while True:
        try:
            await asyncio.to_thread(work)
        except Exception:
            log_failure(failure)
        await asyncio.sleep(every_seconds)


class AdvisoryLock:
    """A session-level PostgreSQL advisory lock tried and held on one dedicated connection (never returned
    to the pool while it may hold the lock). Its methods block: call them in a thread."""

    def __init__(self, engine: Engine, key: int) -> None:
        self._engine = engine
        self._key = key
        self._connection: Connection | None = None
        self._closed = False
        self._mutex = threading.Lock()  # guards the two fields above, never held over a network call

    def try_acquire(self) -> bool:
        """Take the lock if no other session holds it; raises when the database cannot be reached."""
        connection = self._connection or self._connect()
        try:
            query = text("SELECT pg_try_advisory_lock(:key)")
            acquired = bool(connection.execute(query, {"key": self._key}).scalar_one())
        except Exception:
            self.release()
            raise
        with self._mutex:
            if not self._closed:
                return acquired
        _end_session(connection)  # closed while trying: the lock must not outlive its owner
        return False

    def still_held(self) -> bool:
        """True while the session that took the lock is alive (PostgreSQL keeps it until the session ends)."""
        connection = self._connection
        if connection is None:
            return False
        try:
            connection.execute(text("SELECT 1"))
        except Exception as error:
            log.warning("leader: the connection holding the lock failed", error=str(error))
            return False
        return True

    def release(self) -> None:
        """End the session: PostgreSQL releases every lock it held. The lock may be tried again."""
        with self._mutex:
            connection, self._connection = self._connection, None
        if connection is not None:
            _end_session(connection)

    def close(self) -> None:
        """Release for good: an attempt still in flight gives back what it takes."""
        with self._mutex:
            self._closed = True
        self.release()

    def _connect(self) -> Connection:
        connection = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            for setting, seconds in SESSION_KEEPALIVE.items():
                connection.exec_driver_sql(f"SET {setting} = {seconds}")
        except Exception:
            _end_session(connection)
            raise
        with self._mutex:
            self._connection = connection
        return connection


def _end_session(connection: Connection) -> None:
    # invalidate: the connection is closed rather than returned to the pool with its session (and locks)
    with contextlib.suppress(Exception):
        connection.invalidate()
    with contextlib.suppress(Exception):
        connection.close()


class SingletonJobs:
    """Runs `jobs` while this node leads; `start` begins the campaign for the lock, `stop` ends it (and the
    jobs, and hands the lock over)."""

    def __init__(
        self,
        database: Database,
        jobs: Sequence[SingletonJob],
        *,
        retry_seconds: float,
        lock_key: int = LEADER_LOCK_KEY,
    ) -> None:
        self._database = database
        self._jobs = list(jobs)
        self._retry_seconds = retry_seconds
        self._lock_key = lock_key
        self._campaign: asyncio.Task[None] | None = None
        self.leading = False

    async def start(self) -> None:
        if self._campaign is None:
            self._campaign = asyncio.create_task(self._campaign_for_the_lock(), name="singleton jobs")

    async def stop(self) -> None:
        campaign, self._campaign = self._campaign, None
        if campaign is not None:
            campaign.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await campaign

    @property
    def job_names(self) -> list[str]:
        return [job.name for job in self._jobs]

    async def _campaign_for_the_lock(self) -> None:
        if self._database.dialect != "postgresql":
            log.info(
                "leader: singleton jobs run here (on SQLite this is the only API node)", jobs=self.job_names
            )
            await self._lead(None)
            return
        lock = AdvisoryLock(self._database.engine, self._lock_key)
        standby_announced = False
        try:
            while True:
                acquired = await self._try_acquire(lock)
                if acquired:
                    standby_announced = False
                    await self._lead(lock)  # the jobs have stopped when it returns
                    await asyncio.to_thread(lock.release)
                elif acquired is False and not standby_announced:
                    log.info(
                        "standby: another API node runs the singleton jobs; trying to take over",
                        every_seconds=self._retry_seconds,
                        jobs=self.job_names,
                    )
                    standby_announced = True
                await asyncio.sleep(self._retry_seconds)
        finally:
            await asyncio.to_thread(lock.close)

    async def _try_acquire(self, lock: AdvisoryLock) -> bool | None:
        """True: this node leads now; False: another one does; None: the database cannot be asked."""
        try:
            return await asyncio.to_thread(lock.try_acquire)
        except Exception as error:
            log.warning(
                "leader election: the database is unreachable; retrying",
                error=str(error),
                every_seconds=self._retry_seconds,
            )
            return None

    async def _lead(self, lock: AdvisoryLock | None) -> None:
        """Run the jobs until the lock is lost (never, without a lock) or this task is cancelled."""
        tasks = [asyncio.create_task(job.run(), name=job.name) for job in self._jobs]
        for task in tasks:
            task.add_done_callback(_report_ended_job)
        self.leading = True
        LEADING.set(1)
        try:
            if lock is None:
                await asyncio.Event().wait()
            else:
                log.info("leader: this API node runs the singleton jobs", jobs=self.job_names)
                await self._hold(lock)
                log.warning("leader: lost the lock; stopping the singleton jobs", jobs=self.job_names)
        finally:
            self.leading = False
            LEADING.set(0)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _hold(self, lock: AdvisoryLock) -> None:
        """Return when the session holding the lock is gone."""
        while True:
            await asyncio.sleep(self._retry_seconds)
            try:
                # A check that hangs (a network that swallows packets) counts as a lost lock.
                async with asyncio.timeout(max(2 * self._retry_seconds, 5.0)):
                    held = await asyncio.to_thread(lock.still_held)
            except TimeoutError:
                held = False
            if not held:
                return


def _report_ended_job(task: asyncio.Task[None]) -> None:
    if task.cancelled():
        return
    error = task.exception()
    log.error("a singleton job ended unexpectedly", job=task.get_name(), error=repr(error))
