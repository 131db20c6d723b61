"""API fixtures for e-challan: the shared API node with a payment webhook secret and a small lookup budget."""

from __future__ import annotations

from pathlib import Path

import pytest

from safecity.config import Settings
from safecity.config import load_settings
from tests.api.conftest import client  # noqa: F401  (fixture)

WEBHOOK_SECRET = "bank-shared-secret"
LOOKUPS_PER_MINUTE = 3


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return load_settings(
        None,
        data_dir=tmp_path / "data",
        database_url=database_url,
        http={"max_upload_mb": 1},
        challan={"webhook_secret": WEBHOOK_SECRET, "lookup_per_minute": LOOKUPS_PER_MINUTE},
    )
