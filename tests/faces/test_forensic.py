"""Forensic search over stored face crops: ranked, within the time and camera range, never past retention."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlalchemy import select

from safecity.config import load_settings
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.evidence.retention import RetentionContext
from safecity.evidence.retention_rows import purge_rows
from safecity.faces.models import FaceSighting
from safecity.faces.retention import FACE_SIGHTINGS
from safecity.faces.service import forensic_search
from safecity.faces.service import store_sighting
from safecity.retention import RETENTION_PLAN
from tests.api.conftest import auth
from tests.faces.support import BIDEN
from tests.faces.support import OBAMA
from tests.faces.support import OBAMA_PROBE
from tests.faces.support import photo
from tests.faces.support import search_embedding
from tests.faces.support import sighting_event

NOON = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def store(database: Database, relative: str, *, camera_id: str, time: datetime, crop: bytes) -> None:
    event = sighting_event(search_embedding(relative), camera_id=camera_id, time=time, crop=crop)
    with database.session() as session:
        store_sighting(session, event)


def test_the_person_is_found_within_the_range_and_ranked_first(database: Database) -> None:
    store(database, OBAMA, camera_id="gate", time=NOON, crop=b"obama at the gate")
    store(database, BIDEN, camera_id="gate", time=NOON + timedelta(minutes=5), crop=b"biden at the gate")
    store(database, OBAMA, camera_id="market", time=NOON + timedelta(days=2), crop=b"obama later")

    probe = search_embedding(OBAMA_PROBE)
    with database.session() as session:
        hits = forensic_search(
            session, probe, since=NOON - timedelta(hours=1), until=NOON + timedelta(hours=1)
        )
        assert [h.camera_id for h in hits] == ["gate", "gate"]
        assert hits[0].time == NOON
        assert hits[0].score > 0.5
        assert hits[1].distance > 0.6

        later = forensic_search(
            session, probe, since=NOON + timedelta(days=1), until=NOON + timedelta(days=3)
        )
        assert [h.camera_id for h in later] == ["market"]
        only_market = forensic_search(
            session,
            probe,
            since=NOON - timedelta(days=1),
            until=NOON + timedelta(days=3),
            camera_ids=["market"],
        )
        assert [h.camera_id for h in only_market] == ["market"]


def test_crops_past_retention_are_not_returned_and_are_purged(database: Database, tmp_path: Path) -> None:
    media = MediaStore(tmp_path / "media")
    now = datetime.now(UTC)
    old = media.put_bytes(b"old crop", ".jpg")
    store(database, OBAMA, camera_id="gate", time=now - timedelta(days=40), crop=b"old crop")
    store(database, OBAMA, camera_id="gate", time=now - timedelta(days=1), crop=b"recent crop")

    probe = search_embedding(OBAMA_PROBE)
    with database.session() as session:
        hits = forensic_search(session, probe, since=now - timedelta(days=60), until=now, retention_days=30)
        assert len(hits) == 1

    context = RetentionContext(load_settings(None, data_dir=tmp_path), database, media)
    assert purge_rows(context, FACE_SIGHTINGS, now - timedelta(days=30), dry_run=True) == 1
    assert purge_rows(context, FACE_SIGHTINGS, now - timedelta(days=30), dry_run=False) == 1
    assert not media.exists(old.sha256)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(FaceSighting)) == 1


def test_face_crops_are_a_registered_retention_class(database: Database, tmp_path: Path) -> None:
    settings = load_settings(
        None, data_dir=tmp_path, database_url=database.url, retention={"face_crops_days": 7}
    )
    sweeper = RETENTION_PLAN.sweeper(RetentionContext(settings, database, MediaStore(tmp_path / "media")))
    [policy] = [p for p in sweeper.classes if p.name == "face_crops"]
    assert policy.days == 7


def test_forensic_search_over_http_needs_a_purpose(client: TestClient) -> None:
    database: Database = client.app.state.services.database  # type: ignore[attr-defined]
    seen = datetime.now(UTC) - timedelta(hours=1)
    store(database, OBAMA, camera_id="gate", time=seen, crop=b"obama at the gate")
    headers = auth(client, "investigator")
    params = {
        "since": (seen - timedelta(hours=1)).isoformat(),
        "until": (seen + timedelta(hours=1)).isoformat(),
    }
    files = {"file": ("probe.jpg", photo(OBAMA_PROBE), "image/jpeg")}

    assert (
        client.post("/api/v1/faces/forensic", params=params, files=files, headers=headers).status_code == 422
    )
    response = client.post(
        "/api/v1/faces/forensic",
        params={**params, "purpose": "robbery case 4411"},
        files=files,
        headers=headers,
    )
    assert response.status_code == 200, response.text
    [hit] = response.json()["sightings"]
    assert (hit["camera_id"], hit["score"] > 0.5) == ("gate", True)
