"""Face watchlist fixtures: a watchlist on the test database with cached face pipelines; enrolled people."""

from __future__ import annotations

from pathlib import Path

import pytest

from safecity.core.audit.actors import Actor
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.faces.vocabulary import SubjectCategory
from safecity.faces.watchlist.runtime import FaceWatchlist
from safecity.faces.watchlist.schemas import SubjectIn
from tests.api.conftest import client  # noqa: F401 - fixtures reused by the API tests
from tests.api.conftest import settings  # noqa: F401 - fixtures reused by the API tests
from tests.faces.support import ALEX
from tests.faces.support import BIDEN
from tests.faces.support import KIT
from tests.faces.support import OBAMA
from tests.faces.support import photo
from tests.faces.support import use_cached_pipelines

MANAGER = Actor("chief", "supervisor", "10.0.0.9")


def subject(subject_id: str, name: str, category: SubjectCategory = SubjectCategory.WANTED) -> SubjectIn:
    return SubjectIn(
        id=subject_id,
        name=name,
        category=category,
        case_ref=f"CASE-{subject_id}",
        legal_authority="warrant 2024/117, district court",
        reason="test enrolment",
    )


@pytest.fixture
def watchlist(database: Database, tmp_path: Path) -> FaceWatchlist:
    watchlist = use_cached_pipelines(FaceWatchlist(database, MediaStore(tmp_path / "media")))
    watchlist.start()
    return watchlist


@pytest.fixture
def enrolled(watchlist: FaceWatchlist) -> FaceWatchlist:
    """Obama, Biden, Lacamoire and Harington enrolled with one photo each."""
    for subject_id, name, image in (
        ("obama", "Barack Obama", OBAMA),
        ("biden", "Joe Biden", BIDEN),
        ("alex", "Alex Lacamoire", ALEX),
        ("kit", "Kit Harington", KIT),
    ):
        watchlist.create_subject(subject(subject_id, name), MANAGER)
        watchlist.enrol(subject_id, photo(image), MANAGER)
    return watchlist
