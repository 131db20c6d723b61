"""Per-node objects built from settings once: the incident taxonomy, the travel-time router, limiters."""

from __future__ import annotations

from safecity.core.http.services import Services
from safecity.core.ratelimit import RateLimiter
from safecity.dispatch.metrics import ShiftCalendar
from safecity.dispatch.routing import Router, router_from_settings
from safecity.dispatch.taxonomy import Taxonomy


def taxonomy_of(services: Services) -> Taxonomy:
    found = services.extras.get("dispatch.taxonomy")
    if found is None:
        found = services.extras["dispatch.taxonomy"] = Taxonomy(services.settings.dispatch.incident_types)
    taxonomy: Taxonomy = found
    return taxonomy


def router_of(services: Services) -> Router:
    """Tests and deployments may put their own router in `services.extras["dispatch.router"]`."""
    found = services.extras.get("dispatch.router")
    if found is None:
        found = services.extras["dispatch.router"] = router_from_settings(services.settings.dispatch)
    router: Router = found
    return router


def calendar_of(services: Services) -> ShiftCalendar:
    settings = services.settings.dispatch
    return ShiftCalendar(settings.shifts, settings.timezone)


def panic_limiter_of(services: Services) -> RateLimiter:
    found = services.extras.get("dispatch.panic_limiter")
    if found is None:
        rate = f"{services.settings.dispatch.panic_per_minute}/minute"
        found = services.extras["dispatch.panic_limiter"] = RateLimiter(rate)
    limiter: RateLimiter = found
    return limiter
