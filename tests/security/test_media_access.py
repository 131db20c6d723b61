"""`GET /api/v1/media/{sha256}` is authorised by what the file belongs to, not by the store it sits in."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from safecity.core.db import Database
from safecity.core.db import utcnow
from safecity.faces.models import FaceSighting
from safecity.faces.watchlist.models import FaceSubject
from safecity.faces.watchlist.models import FaceSubjectImage
from tests.api.conftest import auth

PURPOSE = {"purpose": "robbery investigation", "case_ref": "CASE-42"}


def _evidence_file(client: TestClient) -> tuple[int, str]:
    item = client.post(
        "/api/v1/evidence/items",
        data={"kind": "document"},
        files={"file": ("statement.txt", b"I saw a red car", "text/plain")},
        headers=auth(client, "investigator"),
    )
    assert item.status_code == 201, item.text
    return int(item.json()["id"]), str(item.json()["sha256"])


def _audit(client: TestClient, action: str) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = client.get(
        "/api/v1/audit", headers=auth(client, "auditor"), params={"action": action}
    ).json()
    return entries


def test_an_evidence_file_is_not_readable_with_events_read_alone(client: TestClient) -> None:
    _, sha = _evidence_file(client)
    refused = client.get(f"/api/v1/media/{sha}", headers=auth(client, "traffic_officer"))
    assert refused.status_code == 403
    assert "evidence item" in refused.json()["detail"]
    assert "evidence.read" in refused.json()["detail"]


def test_an_evidence_file_read_needs_a_purpose_and_lands_in_custody_and_audit(client: TestClient) -> None:
    item_id, sha = _evidence_file(client)
    headers = auth(client, "investigator")
    missing = client.get(f"/api/v1/media/{sha}", headers=headers)
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["query", "purpose"]

    read = client.get(f"/api/v1/media/{sha}", params=PURPOSE, headers=headers)
    assert read.status_code == 200
    assert read.content == b"I saw a red car"

    custody = client.get(f"/api/v1/evidence/items/{item_id}/custody", headers=headers).json()
    assert custody["intact"] is True
    viewed = custody["entries"][-1]
    assert (viewed["action"], viewed["actor"], viewed["purpose"], viewed["case_ref"]) == (
        "viewed",
        "investigator",
        "robbery investigation",
        "CASE-42",
    )
    audited = _audit(client, "evidence.view")
    assert [(e["actor"], e["object_id"], e["purpose"]) for e in audited] == [
        ("investigator", sha, "robbery investigation")
    ]


def _face_crop(client: TestClient) -> str:
    services = client.app.state.services  # type: ignore[attr-defined]
    sha = str(services.media.put_bytes(b"\xff\xd8face-crop", ".jpg").sha256)
    database: Database = services.database
    with database.session() as session:
        session.add(
            FaceSighting(
                event_id=str(uuid.uuid4()),
                camera_id="cam-1",
                time=utcnow(),
                crop_sha256=sha,
                box=[0.0, 0.0, 10.0, 10.0],
                quality_score=0.8,
                model_id="test",
                dim=2,
                vector=b"\x00" * 8,
            )
        )
    return sha


def test_a_face_crop_needs_a_face_permission_and_a_purpose(client: TestClient) -> None:
    sha = _face_crop(client)
    assert client.get(f"/api/v1/media/{sha}", headers=auth(client, "traffic_officer")).status_code == 403
    investigator = auth(client, "investigator")
    assert client.get(f"/api/v1/media/{sha}", headers=investigator).status_code == 422
    read = client.get(f"/api/v1/media/{sha}", params=PURPOSE, headers=investigator)
    assert read.status_code == 200
    assert read.content == b"\xff\xd8face-crop"
    assert read.headers["cache-control"] == "private, no-store"
    audited = _audit(client, "faces.media_view")
    assert [(e["actor"], e["object_id"], e["purpose"]) for e in audited] == [
        ("investigator", sha, "robbery investigation")
    ]


def test_a_camera_picture_needs_cameras_read(client: TestClient) -> None:
    services = client.app.state.services  # type: ignore[attr-defined]
    sha = services.media.put_bytes(b"\xff\xd8snapshot", ".jpg").sha256
    assert (
        client.get(f"/api/v1/media/{sha}", headers=auth(client, "traffic_officer")).content
        == b"\xff\xd8snapshot"
    )
    refused = client.get(f"/api/v1/media/{sha}", headers=auth(client, "auditor"))
    assert refused.status_code == 403
    assert "cameras.read" in refused.json()["detail"]


def test_a_watchlist_image_needs_a_face_or_watchlist_permission(client: TestClient) -> None:
    services = client.app.state.services  # type: ignore[attr-defined]
    sha = str(services.media.put_bytes(b"\xff\xd8enrolled", ".jpg").sha256)
    database: Database = services.database
    with database.session() as session:
        session.add(FaceSubject(id="wanted-1", name="Wanted", category="wanted"))
        session.flush()
        session.add(FaceSubjectImage(subject_id="wanted-1", sha256=sha, box=[0, 0, 9, 9], quality={}))
    assert (
        client.get(f"/api/v1/media/{sha}", headers=auth(client, "supervisor")).content == b"\xff\xd8enrolled"
    )
    refused = client.get(f"/api/v1/media/{sha}", headers=auth(client, "traffic_officer"))
    assert refused.status_code == 403
    assert "watchlist image" in refused.json()["detail"]
