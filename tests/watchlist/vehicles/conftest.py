"""Hotlist test helpers: an actor and a list with entries; the API client comes from tests/api."""

from __future__ import annotations

from safecity.core.audit.actors import Actor
from tests.api.conftest import client  # noqa: F401 - fixtures reused by the API tests
from tests.api.conftest import settings  # noqa: F401 - fixtures reused by the API tests

ADMIN = Actor("chief", "supervisor", "10.0.0.9")
