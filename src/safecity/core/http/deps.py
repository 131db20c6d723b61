"""The typed dependencies routes declare: the services, the clock, the caller. A domain's runtime is reached
through its own dependency (e.g. `dispatch.runtime.DispatchRuntimeDep`), read from `Services.runtimes`."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from safecity.core.clock import Clock
from safecity.core.http.security import CurrentPrincipal
from safecity.core.http.services import Services, get_services

__all__ = ["ClockDep", "CurrentPrincipal", "ServicesDep"]

ServicesDep = Annotated[Services, Depends(get_services)]


def get_clock(services: ServicesDep) -> Clock:
    return services.clock


ClockDep = Annotated[Clock, Depends(get_clock)]
