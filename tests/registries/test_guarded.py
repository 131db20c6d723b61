"""A remote registry behind the guards: the cache answers within its TTL (and survives a restart, being a
table), the rate limit refuses past the budget, the circuit opens after repeated failures, refuses at once
while open, and closes again once a lookup succeeds after the reset time."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

import pytest

from safecity.config.platform import ApiNodeSettings
from safecity.core.db import Database
from safecity.registries.errors import RegistryRateLimitedError
from safecity.registries.errors import RegistryUnavailableError
from safecity.registries.guarded import GuardedRegistry
from safecity.registries.guarded import RegistryState
from safecity.registries.keys import cnic_key
from safecity.registries.records import IdentityRecord
from safecity.registries.runtime import guarded
from safecity.registries.systems import RegistrySystem
from tests.registries.conftest import http_settings
from tests.registries.contract_server import Fault
from tests.registries.contract_server import RegistryServer

AYESHA = cnic_key("3520212345671")


class SteppedClock:
    def __init__(self) -> None:
        self.at = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> SteppedClock:
    return SteppedClock()


@pytest.fixture
def identity(registry_server: RegistryServer, clock: SteppedClock) -> Iterator[Any]:
    made: list[GuardedRegistry[IdentityRecord]] = []

    def make(**overrides: Any) -> GuardedRegistry[IdentityRecord]:
        settings = http_settings(registry_server, **overrides)
        made.append(guarded(RegistrySystem.IDENTITY, settings, IdentityRecord, ApiNodeSettings(), clock))
        return made[-1]

    yield make
    for registry in made:
        registry.close()


def test_the_cache_answers_within_its_ttl_and_not_after(
    database: Database, registry_server: RegistryServer, identity: Any, clock: SteppedClock
) -> None:
    registry = identity(cache_seconds=60)
    assert registry.fetch(database, AYESHA) is not None
    registry_server.set_fault(Fault.SERVER_ERROR)

    clock.advance(59)
    assert registry.fetch(database, AYESHA) is not None  # from the cache: the service was not asked
    assert len(registry_server.requests) == 1

    clock.advance(1)
    with pytest.raises(RegistryUnavailableError):
        registry.fetch(database, AYESHA)
    assert len(registry_server.requests) == 4  # the expired entry sent it to the service (1 try + 2 retries)


def test_the_cache_survives_a_restart(
    database: Database, registry_server: RegistryServer, identity: Any
) -> None:
    identity(cache_seconds=60).fetch(database, AYESHA)
    registry_server.set_fault(Fault.SERVER_ERROR)

    after_restart = identity(cache_seconds=60)

    record = after_restart.fetch(database, AYESHA)
    assert record is not None
    assert record.name == "Ayesha Khan"


def test_a_stale_record_answers_automatic_work_while_the_service_is_down_but_never_a_person(
    database: Database, registry_server: RegistryServer, identity: Any, clock: SteppedClock
) -> None:
    registry = identity(cache_seconds=60, stale_seconds=3600)
    registry.fetch(database, AYESHA)
    registry_server.set_fault(Fault.SERVER_ERROR)
    clock.advance(600)

    with database.session() as session:
        stale = registry.stale_tolerant().lookup(session, AYESHA)
    assert stale is not None
    with pytest.raises(RegistryUnavailableError):
        registry.fetch(database, AYESHA)


def test_the_rate_limit_refuses_remote_lookups_over_budget_but_not_cache_hits(
    sqlite_database: Database, registry_server: RegistryServer, identity: Any
) -> None:
    registry = identity(rate_limit="2/minute", cache_seconds=60)
    registry.fetch(sqlite_database, AYESHA)
    registry.fetch(sqlite_database, cnic_key("42101-1111111-1"))  # not found: a remote lookup, not cached

    assert registry.fetch(sqlite_database, AYESHA) is not None  # a cache hit costs nothing
    with pytest.raises(RegistryRateLimitedError, match=r"too many identity registry lookups") as caught:
        registry.fetch(sqlite_database, cnic_key("42101-2222222-2"))
    assert caught.value.status_code == 429
    assert caught.value.retry_after_seconds > 0
    assert len(registry_server.requests) == 2


def test_the_circuit_opens_after_failures_refuses_at_once_and_closes_after_the_reset_time(
    sqlite_database: Database, registry_server: RegistryServer, identity: Any
) -> None:
    registry = identity(retries=0, cache_seconds=0, breaker={"failures": 3, "reset_seconds": 0.3})
    registry_server.set_fault(Fault.SERVER_ERROR)
    for _ in range(3):
        with pytest.raises(RegistryUnavailableError, match=r"HTTP 503"):
            registry.fetch(sqlite_database, AYESHA)
    assert registry.health().state is RegistryState.UNAVAILABLE
    assert registry.health().circuit == "open"

    with pytest.raises(RegistryUnavailableError, match=r"circuit open after 3 failed lookups") as caught:
        registry.fetch(sqlite_database, AYESHA)
    assert len(registry_server.requests) == 3  # refused without asking the service
    body = caught.value.body_fields()
    assert body["code"] == "registry_unavailable"
    assert body["system"] == "identity"
    assert body["since"] is not None
    assert body["last_error"] == "the service answered HTTP 503"

    registry_server.set_fault(Fault.NONE)
    wait_for_the_reset(registry, reset_seconds=0.3)
    assert registry.fetch(sqlite_database, AYESHA) is not None
    assert registry.health().state is RegistryState.AVAILABLE
    assert registry.health().circuit == "closed"
    assert registry.health().since is None


def test_a_timeout_counts_as_a_failure_and_answers_unavailable(
    sqlite_database: Database, registry_server: RegistryServer, identity: Any
) -> None:
    registry = identity(timeout_seconds=0.2, breaker={"failures": 1, "reset_seconds": 60})
    registry_server.slow_seconds = 1.0
    registry_server.set_fault(Fault.SLOW)

    with pytest.raises(RegistryUnavailableError, match=r"no answer within 0.2 s"):
        registry.fetch(sqlite_database, AYESHA)

    assert registry.health().circuit == "open"


def test_a_registry_not_configured_is_unavailable_and_says_so(
    sqlite_database: Database, clock: SteppedClock
) -> None:
    from safecity.config.registries import RegistrySettings

    registry = guarded(RegistrySystem.FIRS, RegistrySettings(), IdentityRecord, ApiNodeSettings(), clock)

    assert registry.health().state is RegistryState.NOT_CONFIGURED
    with pytest.raises(RegistryUnavailableError, match=r"not configured \(registries.firs.kind\)"):
        registry.fetch(sqlite_database, AYESHA)


def wait_for_the_reset(registry: GuardedRegistry[Any], reset_seconds: float) -> None:
    """Let the breaker's reset time pass (it reads the wall clock)."""
    opened_at = registry._circuit_storage.opened_at
    assert opened_at is not None
    remaining = (opened_at + timedelta(seconds=reset_seconds) - datetime.now(UTC)).total_seconds()
    time.sleep(max(0.0, remaining) + 0.05)
