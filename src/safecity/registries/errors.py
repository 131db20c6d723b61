"""Why a lookup found no answer other than "no such record". Each body carries a stable `code` (the console
shows "registry unavailable" from it) and the system's name; docs/integrations.md lists them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from safecity.core.errors import SafecityError
from safecity.registries.systems import RegistrySystem

REGISTRY_UNAVAILABLE = "registry_unavailable"
REGISTRY_BAD_RESPONSE = "registry_bad_response"
REGISTRY_RATE_LIMITED = "registry_rate_limited"


class RegistryError(SafecityError):
    """A lookup the system could not answer (now): the body carries the stable `code` and the system."""

    def __init__(self, system: RegistrySystem, message: str) -> None:
        super().__init__(message)
        self.system = system

    def body_fields(self) -> dict[str, Any]:
        return {"code": self.code, "system": self.system.value, **self.more_fields()}

    def more_fields(self) -> dict[str, Any]:
        """What the body says beside the code and the system."""
        return {}


class RegistryUnavailableError(RegistryError):
    """Not configured, circuit open, timed out, refused or failing: answered at once, nothing waits."""

    status_code = 503
    code = REGISTRY_UNAVAILABLE

    def __init__(
        self, system: RegistrySystem, reason: str, *, since: datetime | None = None, last_error: str = ""
    ) -> None:
        super().__init__(system, f"the {system.value} registry is unavailable: {reason}")
        self.reason = reason
        self.since = since
        self.last_error = last_error

    def more_fields(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat() if self.since else None,
            "last_error": self.last_error or None,
        }


class RegistryBadResponseError(RegistryUnavailableError):
    """The service answered, but not a record we can read (not JSON, a required field missing or of the
    wrong type): a fault of the service or of the field mapping, never passed on as data."""

    status_code = 502
    code = REGISTRY_BAD_RESPONSE


class RegistryRateLimitedError(RegistryError):
    """safecity's own budget of remote lookups for this system is spent (the remote's quota protected)."""

    status_code = 429
    code = REGISTRY_RATE_LIMITED

    def __init__(self, system: RegistrySystem, retry_after_seconds: int) -> None:
        super().__init__(
            system, f"too many {system.value} registry lookups; try again in {retry_after_seconds} s"
        )
        self.retry_after_seconds = retry_after_seconds

    def more_fields(self) -> dict[str, Any]:
        return {"retry_after_seconds": self.retry_after_seconds}
