"""Face sighting fixtures; the API client comes from tests/api."""

from __future__ import annotations

from tests.api.conftest import client  # noqa: F401 - fixtures reused by the API tests
from tests.api.conftest import settings  # noqa: F401 - fixtures reused by the API tests
