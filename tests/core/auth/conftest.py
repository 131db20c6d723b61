"""The API fixtures (an app on a fresh database, one user per role) for the session tests."""

from tests.api.conftest import client

__all__ = ["client"]
