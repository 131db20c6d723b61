"""The API fixtures (an app on a fresh database, one user per role) reused by this package's tests."""

from tests.api.conftest import client  # noqa: F401 - fixtures
from tests.api.conftest import settings  # noqa: F401 - fixtures
