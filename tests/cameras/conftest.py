"""The API fixtures (an app on a fresh database, one user per role) for the camera API tests."""

from tests.api.conftest import client
from tests.api.conftest import settings

__all__ = ["client", "settings"]
