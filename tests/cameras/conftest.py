"""The API fixtures (an app on a fresh database, one user per role) for the camera API tests."""

from tests.api.conftest import client, settings

__all__ = ["client", "settings"]
