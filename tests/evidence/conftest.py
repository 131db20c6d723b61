"""Shared helpers for the evidence tests: a vault on a migrated database (both backends) and a media store."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from safecity.core.media import MediaStore
from safecity.evidence import vault
from safecity.evidence.custody import Actor
from safecity.evidence.models import EvidenceItem
from tests.api.conftest import client, settings  # noqa: F401  (the API fixtures, reused here)

INVESTIGATOR = Actor("ivan", "investigator")


@pytest.fixture
def media(tmp_path: Path) -> MediaStore:
    return MediaStore(tmp_path / "media")


def collect(
    session: Session,
    media: MediaStore,
    data: bytes,
    *,
    suffix: str = ".bin",
    kind: str = "upload",
    case_id: int | None = None,
    camera_id: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> EvidenceItem:
    ref = media.put_bytes(data, suffix)
    metadata = vault.ItemMetadata(
        kind=kind, case_id=case_id, camera_id=camera_id, start=start, end=end, filename=f"file{suffix}"
    )
    return vault.add_item(session, media, ref.sha256, metadata, INVESTIGATOR)
