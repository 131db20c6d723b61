"""The API fixtures (an app on a fresh database, one user per role) reused by this package's tests, on the
embedded SQLite database only: what is tested here does not depend on the backend (the PostgreSQL race has
its own database), and each app costs seconds."""

from pathlib import Path

import pytest

from tests.api.conftest import client  # noqa: F401 - fixtures
from tests.api.conftest import settings  # noqa: F401 - fixtures


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'safecity.db'}"
