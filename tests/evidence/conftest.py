"""Shared helpers for the evidence tests: a vault on a migrated database (both backends) and a media store."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import cv2
import numpy as np
import pytest
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.media import MediaStore
from safecity.evidence import vault
from safecity.evidence.mediafiles import read_image
from safecity.evidence.models import EvidenceItem
from safecity.video.frame import Image
from tests.api.conftest import client  # noqa: F401  (the API fixtures, reused here)
from tests.api.conftest import settings  # noqa: F401  (the API fixtures, reused here)
from tests.conftest import shared_path

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


def street_with_a_plate() -> tuple[Image, tuple[int, int, int, int], str]:
    """A real photo (messi5.jpg) with a real Pakistani plate (LEB-06-5700) pasted into it, 140 px wide:
    the picture, the plate's box and its key. Skips when the shared assets are absent."""
    scene = read_image(shared_path("media/messi5.jpg"))
    crop = read_image(shared_path("data/plates-pk/images/punjab_000.jpg"))
    height = round(crop.shape[0] * 140 / crop.shape[1])
    crop = np.asarray(cv2.resize(crop, (140, height), interpolation=cv2.INTER_AREA), dtype=np.uint8)
    x, y = 300, 200
    scene[y : y + height, x : x + 140] = crop
    return scene, (x, y, x + 140, y + height), "LEB5700"
