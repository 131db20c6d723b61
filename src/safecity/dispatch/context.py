"""Per-node objects built from settings once: the incident taxonomy and the travel router."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends

from safecity.config.dispatch import DispatchSettings
from safecity.core.http.deps import runtime_dependency
from safecity.core.http.services import Services
from safecity.dispatch.metrics import ShiftCalendar
from safecity.dispatch.routing import Router
from safecity.dispatch.routing import router_from_settings
from safecity.dispatch.taxonomy import Taxonomy


@dataclass
class DispatchRuntime:
    taxonomy: Taxonomy
    router: Router  # tests and deployments may replace it with their own

    @classmethod
    def build(cls, settings: DispatchSettings) -> DispatchRuntime:
        return cls(
            taxonomy=Taxonomy(settings.incident_types),
            router=router_from_settings(settings),
        )


DispatchRuntimeDep = Annotated[DispatchRuntime, Depends(runtime_dependency(DispatchRuntime))]


def calendar_of(services: Services) -> ShiftCalendar:
    settings = services.settings.dispatch
    return ShiftCalendar(settings.shifts, settings.timezone)
