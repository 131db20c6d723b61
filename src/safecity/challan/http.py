"""Route plumbing for the e-challan routers: the officer acting."""

from __future__ import annotations

from safecity.challan.validation import Officer
from safecity.core.http.security import Principal


def officer_of(principal: Principal) -> Officer:
    return Officer(principal.username, principal.role.value, principal.client_address)
