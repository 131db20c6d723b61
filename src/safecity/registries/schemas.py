"""Response bodies of /api/v1/registries that are not records (records: `records.py`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from typing import Literal

from pydantic import BaseModel
from pydantic import Field

from safecity.config.registries import AdapterKind
from safecity.registries.guarded import RegistryHealth
from safecity.registries.guarded import RegistryState
from safecity.registries.systems import RegistrySystem


class RegistryStatusOut(BaseModel):
    system: RegistrySystem = Field(description="identity, vehicles or firs.")
    kind: AdapterKind = Field(description="The adapter: http, csv, local, or none (not configured).")
    configured: bool = Field(description="False when `registries.<system>.kind` is none.")
    state: RegistryState = Field(
        description="available; unavailable (circuit open, or the file cannot be used); not_configured."
    )
    circuit: str | None = Field(
        None, description="http only: the circuit breaker, closed / open / half-open."
    )
    since: datetime | None = Field(None, description="When the current run of failed lookups began.")
    last_error: str | None = Field(None, description="Why the last lookup failed (never a credential).")

    @classmethod
    def of(cls, health: RegistryHealth) -> RegistryStatusOut:
        return cls(
            system=health.system,
            kind=health.kind,
            configured=health.state is not RegistryState.NOT_CONFIGURED,
            state=health.state,
            circuit=health.circuit,
            since=health.since,
            last_error=health.last_error,
        )


class RegistryUnavailableOut(BaseModel):
    """The body of a 503 (and 502) from a registry lookup; console shows "registry unavailable" from it."""

    code: Literal["registry_unavailable", "registry_bad_response"] = Field(
        description="registry_unavailable (503: not configured, circuit open, timed out, refused, failing) "
        "or registry_bad_response (502: the service's answer is not a valid record)."
    )
    detail: str = Field(description="A sentence naming the system and the reason, for people.")
    system: RegistrySystem = Field(description="Which registry.")
    since: datetime | None = Field(None, description="When its current run of failures began (UTC).")
    last_error: str | None = Field(None, description="The last failure's reason.")


class RegistryRateLimitedOut(BaseModel):
    code: Literal["registry_rate_limited"] = Field(description="safecity's lookup budget for it is spent.")
    detail: str
    system: RegistrySystem
    retry_after_seconds: int = Field(description="Seconds until a lookup is allowed again.")


LOOKUP_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "The registry has no such record."},
    422: {"description": "Malformed CNIC, plate, station or FIR, or no purpose; `detail[0].loc` names it."},
    429: {"model": RegistryRateLimitedOut, "description": "Too many lookups of this registry (`code`)."},
    502: {"model": RegistryUnavailableOut, "description": "The registry answered something unreadable."},
    503: {"model": RegistryUnavailableOut, "description": "The registry is unavailable (`code`, `since`)."},
}
