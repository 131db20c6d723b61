"""The panic domain's per-node object: the limiter that keeps one phone or address from flooding the room."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends

from safecity.config.dispatch import DispatchSettings
from safecity.config.platform import ApiNodeSettings
from safecity.core.http.deps import runtime_dependency
from safecity.core.ratelimit import RateLimiter
from safecity.core.ratelimit import node_rate_limiter


@dataclass
class PanicRuntime:
    limiter: RateLimiter  # per device and per client address

    @classmethod
    def build(cls, settings: DispatchSettings, nodes: ApiNodeSettings) -> PanicRuntime:
        return cls(node_rate_limiter(f"{settings.panic_per_minute}/minute", nodes))


PanicRuntimeDep = Annotated[PanicRuntime, Depends(runtime_dependency(PanicRuntime))]
