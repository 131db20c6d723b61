"""The typed dependencies routes declare: the services, the clock, the caller. A domain's runtime is reached
through its own dependency (e.g. `dispatch.context.DispatchRuntimeDep`), made by `runtime_dependency`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated
from typing import TypeVar

from fastapi import Depends

from safecity.core.clock import Clock
from safecity.core.http.security import CurrentPrincipal
from safecity.core.http.services import Services
from safecity.core.http.services import get_services

__all__ = ["ClockDep", "CurrentPrincipal", "ServicesDep", "runtime_dependency"]

T = TypeVar("T")

ServicesDep = Annotated[Services, Depends(get_services)]


def get_clock(services: ServicesDep) -> Clock:
    return services.clock


ClockDep = Annotated[Clock, Depends(get_clock)]


def runtime_dependency(kind: type[T]) -> Callable[[Services], T]:
    """The dependency that reads the app's `kind` runtime from `Services.runtimes` (a domain declares
    `XDep = Annotated[X, Depends(runtime_dependency(X))]`)."""

    def runtime(services: ServicesDep) -> T:
        return services.runtimes.get(kind)

    return runtime
