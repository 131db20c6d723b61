"""Person track appearances are a retention class: past it they are neither found nor kept."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import func
from sqlalchemy import select

from safecity.config import load_settings
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.evidence.retention import RetentionContext
from safecity.evidence.retention_rows import purge_rows
from safecity.persons_search.models import PersonAppearance
from safecity.persons_search.retention import PERSON_APPEARANCES
from safecity.persons_search.service import search
from safecity.persons_search.service import store_appearance
from safecity.retention import RETENTION_PLAN
from tests.persons_search.support import appearance_event


def test_old_appearances_are_not_found_and_are_purged_with_their_crop(
    database: Database, tmp_path: Path
) -> None:
    media = MediaStore(tmp_path / "media")
    now = datetime.now(UTC)
    vector = np.ones(8, dtype=np.float32) / np.sqrt(8)
    for days, crop in ((40, b"old person"), (1, b"recent person")):
        stored = media.put_bytes(crop, ".jpg")
        seen = now - timedelta(days=days)
        event = appearance_event(
            vector,
            camera_id="gate",
            track_id=str(days),
            first_seen=seen,
            last_seen=seen,
            model="m",
            crop_sha256=stored.sha256,
        )
        with database.session() as session:
            store_appearance(session, event)
    old_crop = media.put_bytes(b"old person", ".jpg").sha256

    with database.session() as session:
        found = search(session, vector, "m", since=now - timedelta(days=60), until=now, retention_days=30)
        assert [m.track_id for m in found] == ["1"]

    settings = load_settings(
        None,
        data_dir=tmp_path,
        database_url=database.url,
        retention={"other_days": {"person_appearances": 30}},
    )
    context = RetentionContext(settings, database, media)
    assert purge_rows(context, PERSON_APPEARANCES, now - timedelta(days=30), dry_run=False) == 1
    assert not media.exists(old_crop)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(PersonAppearance)) == 1
    [policy] = [p for p in RETENTION_PLAN.sweeper(context).classes if p.name == "person_appearances"]
    assert policy.days == 30
