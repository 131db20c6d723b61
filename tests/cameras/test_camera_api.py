"""The camera registry over the API: CRUD, permissions, credentials, health, uptime, live pictures."""

from __future__ import annotations

import json
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import numpy as np
from fastapi.testclient import TestClient
from sqlalchemy import select

from safecity.cameras.api import live_frames
from safecity.cameras.events import CameraHealthEvent
from safecity.cameras.health_consumer import store_health
from safecity.cameras.live_frames import encode_jpeg
from safecity.core.audit.models import AuditEntry
from safecity.core.bus.tables import BusMessage
from safecity.core.http.services import Services
from tests.api.conftest import auth_once as auth
from tests.api.conftest import ticket_for

SECRET = "s3cr3t-Pa55"
DATA_CHOWK = {"latitude": 31.5725, "longitude": 74.3100}  # Data Darbar chowk, Lahore
KALMA_CHOWK = {"latitude": 31.5042, "longitude": 74.3315}
ZERO_POINT = {"latitude": 33.6938, "longitude": 73.0652}  # Islamabad


def services_of(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services


def create(client: TestClient, camera_id: str, **fields: object) -> dict[str, object]:
    body = {"id": camera_id, "name": f"Camera {camera_id}", "url": "rtsp://10.0.0.5/stream1", **fields}
    response = client.post("/api/v1/cameras", json=body, headers=auth(client, "admin"))
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_cameras_are_created_read_updated_and_deleted_with_every_change_audited(client: TestClient) -> None:
    created = create(
        client,
        "lhr-data-01",
        district="Lahore",
        zone="Data Darbar",
        owner="Packages Mall (private)",
        sub_url="rtsp://10.0.0.5/stream2",
        detect_fps=4,
        analytics_profile="traffic",
        scene={"lines": [{"name": "stop", "start": [0.1, 0.5], "end": [0.9, 0.5]}]},
        **DATA_CHOWK,
    )
    assert created["owner"] == "Packages Mall (private)"
    assert created["scene"]["lines"][0]["name"] == "stop"  # type: ignore[index]
    assert created["health"] == {
        "state": "unknown", "since": None, "fps": 0.0, "reason": "no report from any worker yet",
        "bitrate_bps": 0.0, "reported_at": None,
    }  # fmt: skip

    headers = auth(client, "supervisor")
    changed = client.patch(
        "/api/v1/cameras/lhr-data-01", json={"enabled": False, "zone": None}, headers=headers
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["enabled"] is False
    assert changed.json()["zone"] is None
    assert changed.json()["district"] == "Lahore"  # untouched fields stay
    assert changed.json()["health"]["reason"] == "camera disabled"

    listed = client.get("/api/v1/cameras", headers=auth(client, "operator"))
    assert [c["id"] for c in listed.json()] == ["lhr-data-01"]
    assert client.delete("/api/v1/cameras/lhr-data-01", headers=headers).status_code == 204
    assert client.get("/api/v1/cameras/lhr-data-01", headers=headers).status_code == 404

    with services_of(client).database.session() as session:
        entries = (
            session.query(AuditEntry).filter(AuditEntry.object_type == "camera").order_by(AuditEntry.seq)
        )
        actions = [(e.action, e.actor, e.object_id) for e in entries]
    assert actions == [
        ("camera.create", "admin", "lhr-data-01"),
        ("camera.update", "supervisor", "lhr-data-01"),
        ("camera.delete", "supervisor", "lhr-data-01"),
    ]


def test_roles_without_camera_permissions_are_refused(client: TestClient) -> None:
    create(client, "cam-1")
    assert client.get("/api/v1/cameras", headers=auth(client, "auditor")).status_code == 403
    assert client.get("/api/v1/cameras").status_code == 401
    operator = auth(client, "operator")
    assert client.get("/api/v1/cameras/cam-1", headers=operator).status_code == 200
    body = {"id": "cam-2", "name": "x", "url": "rtsp://h/x"}
    assert client.post("/api/v1/cameras", json=body, headers=operator).status_code == 403
    assert client.patch("/api/v1/cameras/cam-1", json={"name": "y"}, headers=operator).status_code == 403
    assert client.delete("/api/v1/cameras/cam-1", headers=operator).status_code == 403


def test_bad_fields_are_refused_with_422_naming_the_field(client: TestClient) -> None:
    headers = auth(client, "admin")
    bad_scene = {"zones": [{"name": "z", "polygon": []}]}
    cases = {
        "latitude": {"id": "c1", "name": "n", "url": "rtsp://h/x", "latitude": 123, "longitude": 74},
        "url": {"id": "c1", "name": "n", "url": "ftp://h/x"},
        "id": {"id": "../etc", "name": "n", "url": "rtsp://h/x"},
        "detect_fps": {"id": "c1", "name": "n", "url": "rtsp://h/x", "detect_fps": 0},
        "scene": {"id": "c1", "name": "n", "url": "rtsp://h/x", "scene": bad_scene},
    }  # fmt: skip
    for field, body in cases.items():
        response = client.post("/api/v1/cameras", json=body, headers=headers)
        assert response.status_code == 422, (field, response.text)
        assert field in {str(part) for error in response.json()["detail"] for part in error["loc"]}, field
    create(client, "c1")
    duplicate = {"id": "c1", "name": "n", "url": "rtsp://h/x"}
    assert client.post("/api/v1/cameras", json=duplicate, headers=headers).status_code == 409
    response = client.patch("/api/v1/cameras/c1", json={"name": None}, headers=headers)
    assert response.status_code == 422
    assert "name" in response.text


def test_credentials_are_stored_but_never_returned_or_audited(client: TestClient) -> None:
    created = create(client, "secure-1", url=f"rtsp://admin:{SECRET}@10.1.1.1:554/h264")
    assert created["url"] == "rtsp://admin:***@10.1.1.1:554/h264"
    assert created["has_password"] is True
    headers = auth(client, "admin")
    # Sending the masked URL back (an edit form) keeps the stored password.
    client.patch("/api/v1/cameras/secure-1", json={"url": created["url"], "name": "Renamed"}, headers=headers)
    client.patch(
        "/api/v1/cameras/secure-1", json={"username": "ops", "password": "n3w-" + SECRET}, headers=headers
    )

    responses = [
        client.get("/api/v1/cameras", headers=headers).text,
        client.get("/api/v1/cameras/secure-1", headers=headers).text,
        client.get("/api/v1/cameras/near?lat=31.5&lon=74.3", headers=headers).text,
    ]
    assert all(SECRET not in text for text in responses)
    assert json.loads(responses[1])["url"] == "rtsp://ops:***@10.1.1.1:554/h264"
    with services_of(client).database.session() as session:
        audit_text = " ".join(e.details for e in session.query(AuditEntry))
        from safecity.cameras.service import get_camera
        from safecity.cameras.service import stream_addresses

        stored = get_camera(session, "secure-1")
        assert stored.url == "rtsp://10.1.1.1:554/h264"  # the URL column never holds the password
        assert stream_addresses(stored).record_url == f"rtsp://ops:n3w-{SECRET}@10.1.1.1:554/h264"
    assert SECRET not in audit_text
    assert "password" in audit_text  # the audit names the field that changed, not its value


def test_health_reported_by_workers_shows_in_the_list_and_goes_offline_without_reports(
    client: TestClient,
) -> None:
    create(client, "cam-a", **DATA_CHOWK)
    create(client, "cam-b", **KALMA_CHOWK)
    database = services_of(client).database
    now = datetime.now(UTC)
    store_health(
        database, CameraHealthEvent(camera_id="cam-a", time=now, state="online", fps=4.8, reason="ok")
    )
    old = now - timedelta(minutes=10)
    store_health(database, CameraHealthEvent(camera_id="cam-b", time=old, state="online", fps=5.0))

    health = {
        c["id"]: c["health"] for c in client.get("/api/v1/cameras", headers=auth(client, "operator")).json()
    }
    assert health["cam-a"]["state"] == "online"
    assert health["cam-a"]["fps"] == 4.8
    assert health["cam-b"]["state"] == "offline"  # its worker went silent ten minutes ago
    assert "no report from a worker" in health["cam-b"]["reason"]


def test_nearest_cameras_come_closest_first_with_distances(client: TestClient) -> None:
    create(client, "lhr-data", **DATA_CHOWK)
    create(client, "lhr-kalma", **KALMA_CHOWK)
    create(client, "isb-zero", **ZERO_POINT)
    create(client, "no-location")
    response = client.get(
        "/api/v1/cameras/near?lat=31.5204&lon=74.3587&limit=2", headers=auth(client, "operator")
    )
    assert response.status_code == 200, response.text
    found = response.json()
    assert [c["id"] for c in found] == ["lhr-kalma", "lhr-data"]
    assert 2_000 < found[0]["distance_m"] < 4_000
    assert "health" in found[0]
    assert (
        client.get("/api/v1/cameras/near?lat=91&lon=0", headers=auth(client, "operator")).status_code == 422
    )


def test_uptime_per_day_reflects_stored_health_intervals(client: TestClient) -> None:
    create(client, "cam-u")
    database = services_of(client).database
    now = datetime.now(UTC)
    start = now - timedelta(minutes=2)
    for offset, state in ((0, "online"), (30, "offline"), (60, "online")):
        event = CameraHealthEvent(camera_id="cam-u", time=start + timedelta(seconds=offset), state=state)
        store_health(database, event)
    from safecity.cameras.events import CameraBeat
    from safecity.cameras.events import WorkerHeartbeatEvent

    for beat_at in (start + timedelta(seconds=90), now):  # the worker keeps reporting
        beat = WorkerHeartbeatEvent(
            worker="w1", time=beat_at, cameras=[CameraBeat(camera_id="cam-u", state="online")]
        )
        store_health(database, beat)
    response = client.get("/api/v1/cameras/cam-u/uptime?days=3", headers=auth(client, "operator"))
    assert response.status_code == 200, response.text
    days = response.json()["days"]
    assert len(days) == 3
    assert [d["available_percent"] for d in days[:2]] == [None, None]  # nothing observed on earlier days
    observed = [d for d in days if d["observed_seconds"] > 0]
    total = sum(d["observed_seconds"] for d in observed)
    available = sum(d["observed_seconds"] * d["available_percent"] / 100 for d in observed)
    assert abs(total - 120) < 5
    assert abs(available - 90) < 5  # 30 of the 120 seconds were offline
    assert (
        client.get("/api/v1/cameras/cam-u/uptime?days=0", headers=auth(client, "operator")).status_code == 422
    )
    assert client.get("/api/v1/cameras/nope/uptime", headers=auth(client, "operator")).status_code == 404


def test_snapshot_and_mjpeg_serve_the_latest_picture(client: TestClient) -> None:
    create(client, "cam-live")
    headers = auth(client, "operator")
    assert client.get("/api/v1/cameras/cam-live/snapshot.jpg", headers=headers).status_code == 404
    image = np.full((48, 64, 3), 128, np.uint8)
    live_frames(services_of(client)).put("cam-live", encode_jpeg(image))

    snapshot = client.get("/api/v1/cameras/cam-live/snapshot.jpg", headers=headers)
    assert snapshot.status_code == 200
    assert snapshot.headers["content-type"] == "image/jpeg"
    assert snapshot.content[:2] == b"\xff\xd8"

    stream = client.get(f"/api/v1/cameras/cam-live/mjpeg?ticket={ticket_for(client, 'operator')}&frames=1")
    assert stream.status_code == 200
    assert stream.headers["content-type"].startswith("multipart/x-mixed-replace; boundary=")
    assert b"Content-Type: image/jpeg" in stream.content
    assert b"\xff\xd8" in stream.content
    assert client.get("/api/v1/cameras/cam-live/mjpeg?ticket=bad&frames=1").status_code == 401
    auditor = ticket_for(client, "auditor")
    assert client.get(f"/api/v1/cameras/cam-live/mjpeg?ticket={auditor}&frames=1").status_code == 403


def test_mjpeg_overlay_shows_the_annotated_picture_or_else_the_clean_one(client: TestClient) -> None:
    create(client, "cam-overlay")
    url = f"/api/v1/cameras/cam-overlay/mjpeg?ticket={ticket_for(client, 'operator')}&frames=1&overlay=true"
    frames = live_frames(services_of(client))
    clean = encode_jpeg(np.full((48, 64, 3), 40, np.uint8))
    frames.put("cam-overlay", clean)
    assert clean in client.get(url).content  # no overlay stored yet: the clean picture

    annotated = encode_jpeg(np.full((48, 64, 3), 220, np.uint8))
    frames.put("cam-overlay", annotated, overlay=True)
    assert annotated in client.get(url).content
    assert clean in client.get(url.replace("&overlay=true", "")).content
    snapshot = client.get("/api/v1/cameras/cam-overlay/snapshot.jpg", headers=auth(client, "operator"))
    assert snapshot.content == clean  # snapshots stay clean for drawing zones on


def test_accept_scene_is_audited_and_sent_to_the_worker(client: TestClient) -> None:
    create(client, "cam-moved")
    response = client.post("/api/v1/cameras/cam-moved/accept-scene", headers=auth(client, "supervisor"))
    assert response.status_code == 202, response.text
    with services_of(client).database.session() as session:
        commands = session.scalars(select(BusMessage).where(BusMessage.event_type == "camera.command")).all()
        audited = session.scalars(select(AuditEntry.action).where(AuditEntry.object_id == "cam-moved")).all()
    assert [json.loads(c.event_json)["action"] for c in commands] == ["accept_scene"]
    assert "camera.accept_scene" in audited
    assert (
        client.post("/api/v1/cameras/cam-moved/accept-scene", headers=auth(client, "operator")).status_code
        == 403
    )
