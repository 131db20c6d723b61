"""Person search fixtures: the re-id model from the shared models, the API client from tests/api."""

from __future__ import annotations

import pytest

from safecity.vision.reid import PersonReidEmbedder
from tests.api.conftest import client  # noqa: F401 - fixtures reused by the API tests
from tests.api.conftest import settings  # noqa: F401 - fixtures reused by the API tests
from tests.persons_search.support import REID_MODEL


@pytest.fixture(scope="session")
def embedder() -> PersonReidEmbedder:
    if not REID_MODEL.is_file():
        pytest.skip(f"re-id model not found at {REID_MODEL} (set SAFECITY_SHARED_DIR)")
    return PersonReidEmbedder(REID_MODEL)
