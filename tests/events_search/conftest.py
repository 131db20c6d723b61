"""The API client and settings fixtures shared with tests/api."""

from __future__ import annotations

from tests.api.conftest import client, settings  # noqa: F401 - fixtures reused by the API tests
