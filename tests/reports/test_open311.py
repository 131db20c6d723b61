"""Open311 GeoReport v2: a client round trip, errors in the GeoReport format, flood → 429, moderation."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from safecity.core.ratelimit import RateLimiter
from safecity.reports.open311 import Open311Runtime
from tests.api.conftest import auth

BASE = "/open311/v2"


class GeoReportClient:
    """What a GeoReport v2 client does: form-encoded POST, JSON GETs."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    def services(self) -> list[dict[str, Any]]:
        return list(self.client.get(f"{BASE}/services.json").json())

    def create(self, **fields: Any) -> Any:
        return self.client.post(f"{BASE}/requests.json", data=fields)

    def get(self, request_id: str, token: str | None = None) -> Any:
        params = {"token": token} if token else {}
        return self.client.get(f"{BASE}/requests/{request_id}.json", params=params)

    def search(self, **params: Any) -> Any:
        return self.client.get(f"{BASE}/requests.json", params=params)


def test_round_trip_create_list_and_status(client: TestClient) -> None:
    geo = GeoReportClient(client)
    codes = {s["service_code"] for s in geo.services()}
    assert {"suspicious_activity", "harassment", "lost_and_found", "broken_camera"} <= codes

    created = geo.create(
        service_code="broken_camera",
        lat="31.5497",
        long="74.3436",
        description="Camera pole bent",
        email="ali@example.pk",
        first_name="Ali",
    )
    assert created.status_code == 201
    (receipt,) = created.json()
    request_id, token = receipt["service_request_id"], receipt["token"]

    # Before moderation: not public, but the reporter sees it (and its moderation state) with the token.
    assert geo.get(request_id).status_code == 404
    assert geo.search().json() == []
    (mine,) = geo.get(request_id, token).json()
    assert (mine["status"], mine["moderation"], mine["lat"]) == ("open", "pending", 31.5497)
    assert geo.get(request_id, "not-the-token").status_code == 403

    operator = auth(client, "operator")
    queue = client.get("/api/v1/reports", headers=operator).json()
    assert [r["id"] for r in queue] == [int(request_id)]
    assert queue[0]["email"] == "ali@example.pk"
    alert = client.get(f"/api/v1/alerts/{queue[0]['alert_id']}", headers=operator).json()
    assert alert["kind"] == "citizen_report"
    accepted = client.post(
        f"/api/v1/reports/{request_id}/moderate",
        headers=operator,
        json={"decision": "accepted", "open_incident": True, "note": "crew informed"},
    )
    assert accepted.json()["incident"]["type"] == "camera_fault"
    assert (
        client.post(
            f"/api/v1/reports/{request_id}/moderate", headers=operator, json={"decision": "spam"}
        ).status_code
        == 409
    )

    (public,) = geo.get(request_id).json()
    assert public["status_notes"] == "crew informed"
    assert "moderation" not in public
    assert public["media_url"] is None
    assert [r["service_request_id"] for r in geo.search(status="open").json()] == [request_id]
    assert geo.search(status="closed").json() == []
    client.post(
        f"/api/v1/reports/{request_id}/status", headers=operator, json={"status": "closed", "notes": "fixed"}
    )
    assert geo.get(request_id, token).json()[0]["status"] == "closed"
    assert geo.search(service_request_id=request_id).json()[0]["status_notes"] == "fixed"


def test_anonymous_reports_with_a_photo_keep_no_contact_details(client: TestClient) -> None:
    created = client.post(
        f"{BASE}/requests.json",
        data={
            "service_code": "harassment",
            "lat": "31.52",
            "long": "74.35",
            "anonymous": "true",
            "phone": "03001234567",
            "description": "at the bus stop",
        },
        files={"media": ("photo.jpg", b"\xff\xd8fake-jpeg", "image/jpeg")},
    )
    assert created.status_code == 201
    request_id, token = created.json()[0]["service_request_id"], created.json()[0]["token"]
    report = client.get(f"/api/v1/reports/{request_id}", headers=auth(client, "operator")).json()
    assert (report["anonymous"], report["phone"]) == (True, "")
    assert report["media_sha256"]
    assert client.get(f"{BASE}/requests/{request_id}.json", params={"token": token}).json()[0]["media_url"]
    # Harassment reports are never public, even once accepted.
    client.post(
        f"/api/v1/reports/{request_id}/moderate",
        headers=auth(client, "operator"),
        json={"decision": "accepted"},
    )
    assert client.get(f"{BASE}/requests/{request_id}.json").status_code == 404
    assert (
        client.post(
            f"{BASE}/requests.json",
            data={"service_code": "traffic", "lat": "31.5", "long": "74.3"},
            files={"media": ("x.exe", b"MZ", "application/octet-stream")},
        ).status_code
        == 400
    )


def test_bad_requests_get_the_reason_in_geo_report_format(client: TestClient) -> None:
    # Every attempt counts against the client's budget (bad ones too); give this test a larger one.
    client.app.state.services.runtimes.add(Open311Runtime(RateLimiter("100/minute")))  # type: ignore[attr-defined]
    geo = GeoReportClient(client)
    cases = [
        ({"lat": "31.5", "long": "74.3"}, "service_code was not provided"),
        ({"service_code": "traffic", "lat": "north", "long": "74.3"}, "lat must be a number"),
        ({"service_code": "traffic", "lat": "95", "long": "74.3"}, "lat must be between -90 and 90"),
        ({"service_code": "traffic", "lat": "31.5", "long": "200"}, "long must be between -180 and 180"),
        ({"service_code": "traffic", "lat": "31.5"}, "lat and long must be given together"),
    ]
    for fields, reason in cases:
        response = geo.create(**fields)
        assert response.status_code == 400, fields
        (error,) = response.json()
        assert error["code"] == 400
        assert reason in error["description"]
    unknown = geo.create(service_code="ufo", lat="31.5", long="74.3")
    assert unknown.status_code == 404
    assert unknown.json()[0]["code"] == 404
    assert geo.search(status="maybe").json()[0]["description"] == "status must be open or closed"


def test_a_flood_from_one_client_gets_429(client: TestClient) -> None:
    geo = GeoReportClient(client)
    statuses = [
        geo.create(service_code="lost_and_found", lat="31.5", long="74.3").status_code for _ in range(8)
    ]
    assert statuses[:5] == [201] * 5
    assert set(statuses[5:]) == {429}
    flooded = geo.create(service_code="lost_and_found", lat="31.5", long="74.3")
    assert flooded.json()[0]["code"] == 429
    assert int(flooded.headers["Retry-After"]) >= 1
    # Five reports of the same thing at the same spot are one alert with a count.
    alerts = client.get(
        "/api/v1/alerts", params={"kind": "citizen_report"}, headers=auth(client, "operator")
    ).json()
    assert [a["count"] for a in alerts] == [5]
