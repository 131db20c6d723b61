"""What callers use: an adapter behind the cache, the rate limit and the circuit breaker.

Remote (HTTP) registries are guarded: a record answered within `cache_seconds` comes from the cache; a remote
lookup spends one unit of the system's rate limit; `breaker.failures` failed lookups in a row open the circuit
(pybreaker), and while it is open every lookup is refused at once with `registry_unavailable` until
`breaker.reset_seconds` have passed and one lookup may try again. File and table adapters answer directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Generic

import pybreaker
from sqlalchemy.orm import Session

from safecity.config.registries import AdapterKind
from safecity.config.registries import RegistrySettings
from safecity.core.clock import SYSTEM_CLOCK
from safecity.core.clock import Clock
from safecity.core.db import Database
from safecity.core.logs import get_logger
from safecity.core.ratelimit import RateLimiter
from safecity.registries.cache import RegistryCache
from safecity.registries.errors import RegistryError
from safecity.registries.errors import RegistryRateLimitedError
from safecity.registries.errors import RegistryUnavailableError
from safecity.registries.interfaces import RecordT
from safecity.registries.interfaces import Registry
from safecity.registries.interfaces import RemoteRegistry
from safecity.registries.keys import LookupKey
from safecity.registries.systems import RegistrySystem

log = get_logger(__name__)


class RegistryState(StrEnum):
    AVAILABLE = "available"
    UNAVAILABLE = "unavailable"
    NOT_CONFIGURED = "not_configured"


@dataclass(frozen=True, slots=True)
class RegistryHealth:
    system: RegistrySystem
    kind: AdapterKind
    state: RegistryState
    circuit: str | None  # closed / open / half-open (remote registries only)
    since: datetime | None  # when the current run of failures began
    last_error: str | None


class CircuitLog(pybreaker.CircuitBreakerListener):
    """One log line when a registry's circuit opens (warning) or closes again (info)."""

    def state_change(
        self,
        cb: pybreaker.CircuitBreaker,
        old_state: pybreaker.CircuitBreakerState | None,
        new_state: pybreaker.CircuitBreakerState,
    ) -> None:
        old = old_state.name if old_state else None
        if new_state.name == pybreaker.STATE_OPEN:
            log.warning("registry circuit opened: lookups refused", system=cb.name, was=old)
        else:
            log.info("registry circuit " + new_state.name, system=cb.name, was=old)


class GuardedRegistry(Generic[RecordT]):
    def __init__(
        self,
        system: RegistrySystem,
        settings: RegistrySettings,
        cache: RegistryCache[RecordT],
        limiter: RateLimiter,
        clock: Clock = SYSTEM_CLOCK,
        *,
        remote: RemoteRegistry[RecordT] | None = None,
        direct: Registry[RecordT] | None = None,
    ) -> None:
        """`remote` (http): asked through the cache, rate limit and breaker, with no transaction held;
        `direct` (csv, local): read at once. Neither: not configured."""
        self.system = system
        self.settings = settings
        self._remote_adapter = remote
        self._direct_adapter = direct
        self.cache = cache
        self.limiter = limiter
        self.clock = clock
        self._circuit_storage = pybreaker.CircuitMemoryStorage(pybreaker.STATE_CLOSED)
        self.breaker = pybreaker.CircuitBreaker(
            fail_max=settings.breaker.failures,
            reset_timeout=settings.breaker.reset_seconds,
            state_storage=self._circuit_storage,
            name=system.value,
            throw_new_error_on_trip=False,  # the lookup that opens the circuit answers with its own error
            listeners=[CircuitLog()],
        )
        self._failing_since: datetime | None = None
        self._last_error: str | None = None

    @property
    def remote(self) -> bool:
        return self._remote_adapter is not None

    def lookup(self, session: Session, key: LookupKey, *, stale_ok: bool = False) -> RecordT | None:
        """The record, or None when the registry has none, read within the caller's transaction. `stale_ok`:
        while the registry cannot answer, a cached record up to `stale_seconds` old will do (e-challan's owner
        lookup; never an interactive one). Raises `RegistryUnavailableError` (503, or 502 for an unreadable
        answer) or `RegistryRateLimitedError` (429)."""
        now = self.clock.now()
        if self._remote_adapter is None:
            return self._direct(session, key)
        cached = self.cache.get(session, key, now=now, max_age_seconds=self.settings.cache_seconds)
        if cached is not None:
            return cached
        try:
            record = self._remote(key)
        except RegistryError:
            if stale_ok:
                stale = self.cache.get(session, key, now=now, max_age_seconds=self.settings.stale_seconds)
                if stale is not None:
                    return stale
            raise
        if record is not None:
            self.cache.put(session, key, record, now=self.clock.now())
        return record

    def fetch(self, database: Database, key: LookupKey) -> RecordT | None:
        """As `lookup`, for a caller holding no transaction (the API): a remote registry is asked with no
        database transaction open, so a slow service never holds a lock."""
        if self._remote_adapter is None:
            with database.session() as session:
                return self._direct(session, key)
        with database.session() as session:
            cached = self.cache.get(
                session, key, now=self.clock.now(), max_age_seconds=self.settings.cache_seconds
            )
        if cached is not None:
            return cached
        record = self._remote(key)
        if record is not None:
            with database.session() as session:
                self.cache.put(session, key, record, now=self.clock.now())
        return record

    def close(self) -> None:
        """Close the remote adapter's connections."""
        if self._remote_adapter is not None:
            self._remote_adapter.close()

    def stale_tolerant(self) -> StaleTolerantRegistry[RecordT]:
        """This registry as e-challan's owner lookup asks it (a stale record rather than none)."""
        return StaleTolerantRegistry(self)

    def health(self) -> RegistryHealth:
        if self._remote_adapter is None and self._direct_adapter is None:
            return RegistryHealth(
                self.system, self.settings.kind, RegistryState.NOT_CONFIGURED, None, None, None
            )
        circuit = self.breaker.current_state if self.remote else None
        refusing = circuit == pybreaker.STATE_OPEN or (not self.remote and self._failing_since is not None)
        return RegistryHealth(
            self.system,
            self.settings.kind,
            RegistryState.UNAVAILABLE if refusing else RegistryState.AVAILABLE,
            circuit,
            self._failing_since,
            self._last_error,
        )

    def _direct(self, session: Session, key: LookupKey) -> RecordT | None:
        if self._direct_adapter is None:
            raise RegistryUnavailableError(
                self.system, f"not configured (registries.{self.system.value}.kind)"
            )
        assert key.system is self.system, f"a {key.system} key asked of the {self.system} registry"
        try:
            record = self._direct_adapter.lookup(session, key)
        except RegistryUnavailableError as error:
            self._failed(error)
            raise RegistryUnavailableError(
                self.system, error.reason, since=self._failing_since, last_error=error.reason
            ) from error
        self._succeeded()
        return record

    def _remote(self, key: LookupKey) -> RecordT | None:
        assert self._remote_adapter is not None
        assert key.system is self.system, f"a {key.system} key asked of the {self.system} registry"
        if self.breaker.current_state == pybreaker.STATE_OPEN and self._circuit_refusing():
            raise self._circuit_open_error()
        if not self.limiter.hit(f"registries:{self.system.value}"):
            raise RegistryRateLimitedError(
                self.system, self.limiter.retry_after(f"registries:{self.system.value}")
            )
        try:
            record = self.breaker.call(self._remote_adapter.fetch, key)
        except pybreaker.CircuitBreakerError as error:  # opened meanwhile by another thread's lookup
            raise self._circuit_open_error() from error
        except RegistryUnavailableError as error:
            self._failed(error)
            raise type(error)(
                self.system, error.reason, since=self._failing_since, last_error=error.reason
            ) from error
        self._succeeded()
        return record

    def _circuit_refusing(self) -> bool:
        opened_at = self._circuit_storage.opened_at
        return opened_at is not None and (
            (datetime.now(opened_at.tzinfo) - opened_at).total_seconds() < self.settings.breaker.reset_seconds
        )

    def _circuit_open_error(self) -> RegistryUnavailableError:
        return RegistryUnavailableError(
            self.system,
            f"circuit open after {self.settings.breaker.failures} failed lookups; next try "
            f"{self.settings.breaker.reset_seconds:g} s after it opened",
            since=self._failing_since or self._circuit_storage.opened_at,
            last_error=self._last_error or "",
        )

    def _failed(self, error: RegistryUnavailableError) -> None:
        log.warning("registry lookup failed", system=self.system.value, reason=error.reason)
        if self._failing_since is None:
            self._failing_since = self.clock.now()
        self._last_error = error.reason

    def _succeeded(self) -> None:
        self._failing_since = None
        self._last_error = None


class StaleTolerantRegistry(Generic[RecordT]):
    """A `Registry` that, while the remote cannot answer, answers from a cache entry up to `stale_seconds`
    old: for automatic work that must go on (e-challan intake), never for a person asking."""

    def __init__(self, guarded: GuardedRegistry[RecordT]) -> None:
        self.guarded = guarded

    def lookup(self, session: Session, key: LookupKey) -> RecordT | None:
        return self.guarded.lookup(session, key, stale_ok=True)
