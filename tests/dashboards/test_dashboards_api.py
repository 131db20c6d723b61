"""Dashboard aggregates over HTTP, on SQLite and PostgreSQL: exact counts per bucket, uptime per camera,
the response-time percentiles the dashboard reads from dispatch metrics, permissions and 422s."""

from __future__ import annotations

import uuid
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from safecity.alerts.models import Alert
from safecity.anpr.models import PlateReadRecord
from safecity.cameras.models import Camera
from safecity.cameras.models import CameraHealthInterval
from safecity.cameras.models import CameraHealthRow
from safecity.core.db import Database
from safecity.core.http.services import Services
from tests.alerts.fakes import FakeClock
from tests.api.conftest import auth_once as auth

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DAY_AGO = NOW - timedelta(days=1)


def services_of(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services


@pytest.fixture
def api(client: TestClient) -> TestClient:
    """The app with its clock stopped at NOW."""
    services_of(client).clock = FakeClock(NOW)
    return client


def database_of(client: TestClient) -> Database:
    return services_of(client).database


def get(client: TestClient, path: str, **params: str) -> Any:
    response = client.get(f"/api/v1/dashboards/{path}", params=params, headers=auth(client, "supervisor"))
    assert response.status_code == 200, response.text
    return response.json()


def counts(series: dict[str, Any]) -> list[tuple[str, str, int]]:
    return [(p["start"], p["group"], p["count"]) for p in series["points"]]


def add_alert(database: Database, first_seen: datetime, severity: str) -> None:
    with database.session() as session:
        session.add(
            Alert(
                kind="test",
                source_topic="test.alert",
                severity=severity,
                status="new",
                title="test alert",
                subject=str(uuid.uuid4()),
                dedup_key=str(uuid.uuid4()),
                cooldown_seconds=60.0,
                first_seen=first_seen,
                last_seen=first_seen,
                created_at=first_seen,
                updated_at=first_seen,
            )
        )


def add_plate_read(database: Database, time: datetime) -> None:
    with database.session() as session:
        session.add(
            PlateReadRecord(
                event_id=str(uuid.uuid4()),
                camera_id="cam-1",
                time=time,
                text="LEB 1234",
                plate_key="LEB1234",
                plate_key_reversed="4321BEL",
                skeleton="LEB1234",
                matched=True,
                confidence=0.9,
            )
        )


def test_alerts_are_counted_per_hour_and_severity_within_the_window(api: TestClient) -> None:
    database = database_of(api)
    for moment, severity in [
        (DAY_AGO - timedelta(seconds=1), "critical"),  # before the window
        (DAY_AGO, "critical"),  # the first instant belongs to the first bucket
        (DAY_AGO + timedelta(minutes=10), "high"),
        (DAY_AGO + timedelta(minutes=20), "high"),
        (DAY_AGO + timedelta(hours=2) - timedelta(microseconds=1), "medium"),  # last instant of hour 1
        (DAY_AGO + timedelta(hours=2), "low"),  # a boundary starts the next bucket
        (DAY_AGO + timedelta(hours=14, microseconds=500_000), "info"),
        (NOW, "critical"),  # `until` is excluded
    ]:
        add_alert(database, moment, severity)

    series = get(api, "alerts")  # defaults: the last 24 hours by hour

    assert (series["since"], series["until"]) == ("2026-03-01T09:00:00Z", "2026-03-02T09:00:00Z")
    assert (series["bucket"], series["bucket_seconds"], series["group_by"]) == ("hour", 3600, "severity")
    assert series["groups"] == ["critical", "high", "medium", "low", "info"]
    assert counts(series) == [
        ("2026-03-01T09:00:00Z", "critical", 1),
        ("2026-03-01T09:00:00Z", "high", 2),
        ("2026-03-01T10:00:00Z", "medium", 1),
        ("2026-03-01T11:00:00Z", "low", 1),
        ("2026-03-01T23:00:00Z", "info", 1),
    ]
    assert series["total"] == 6


def test_daily_buckets_start_at_since_in_any_time_zone(api: TestClient) -> None:
    database = database_of(api)
    # Local midnight in Pakistan (UTC+5) is 19:00 UTC the day before.
    for moment in (datetime(2026, 2, 28, 19, 0, tzinfo=UTC), datetime(2026, 3, 1, 18, 59, 59, tzinfo=UTC)):
        add_alert(database, moment, "high")
    add_alert(database, datetime(2026, 3, 1, 19, 0, tzinfo=UTC), "low")

    series = get(api, "alerts", since="2026-03-01T00:00:00+05:00", bucket="day")

    assert (series["since"], series["until"], series["bucket_seconds"]) == (
        "2026-02-28T19:00:00Z",
        "2026-03-02T09:00:00Z",
        86400,
    )
    assert counts(series) == [("2026-02-28T19:00:00Z", "high", 2), ("2026-03-01T19:00:00Z", "low", 1)]


def test_incidents_are_counted_per_bucket_and_priority(api: TestClient) -> None:
    headers = auth(api, "operator")
    for minutes, kind, priority in [
        (5, "robbery", None),  # the type's default priority 1
        (50, "fire", None),
        (70, "traffic_jam", None),  # priority 4
        (75, "other", 2),  # an explicit priority wins
        (-30, "robbery", None),  # before the window
    ]:
        body: dict[str, Any] = {
            "type": kind,
            "received_at": (DAY_AGO + timedelta(minutes=minutes)).isoformat(),
        }
        if priority is not None:
            body["priority"] = priority
        assert api.post("/api/v1/incidents", json=body, headers=headers).status_code == 201

    series = get(api, "incidents", since="2026-03-01T09:00:00Z", until="2026-03-01T12:00:00Z")

    assert series["groups"] == ["1", "2", "3", "4", "5"]
    assert counts(series) == [
        ("2026-03-01T09:00:00Z", "1", 2),
        ("2026-03-01T10:00:00Z", "2", 1),
        ("2026-03-01T10:00:00Z", "4", 1),
    ]
    assert series["total"] == 4


def test_plate_reads_are_counted_per_hour_without_any_plate(api: TestClient) -> None:
    database = database_of(api)
    for minutes in (1, 2, 3, 61, 23 * 60 + 59):
        add_plate_read(database, DAY_AGO + timedelta(minutes=minutes))

    series = get(api, "plate-reads")

    assert series["groups"] == ["all"]
    assert counts(series) == [
        ("2026-03-01T09:00:00Z", "all", 3),
        ("2026-03-01T10:00:00Z", "all", 1),
        ("2026-03-02T08:00:00Z", "all", 1),
    ]
    assert "LEB" not in str(series)


def _camera(camera_id: str) -> Camera:
    return Camera(id=camera_id, name=f"Camera {camera_id}", url="rtsp://10.0.0.5/stream1")


def _interval(camera_id: str, state: str, start: datetime, end: datetime | None) -> CameraHealthInterval:
    return CameraHealthInterval(camera_id=camera_id, state=state, start=start, end=end)


def test_camera_uptime_sums_the_stored_health_over_the_window(api: TestClient) -> None:
    at = NOW.replace(hour=5)
    with database_of(api).session() as session:
        session.add_all([_camera("cam-a"), _camera("cam-b"), _camera("cam-c"), _camera("cam-d")])
        session.add_all(
            [
                _interval("cam-a", "online", at, at + timedelta(hours=2)),
                _interval("cam-a", "offline", at + timedelta(hours=2), at + timedelta(hours=2, minutes=30)),
                _interval("cam-a", "frozen", at + timedelta(hours=2, minutes=30), None),
                CameraHealthRow(camera_id="cam-a", state="frozen", since=at, reported_at=NOW, reason=""),
                _interval("cam-b", "online", at, None),
                CameraHealthRow(camera_id="cam-b", state="online", since=at, reported_at=NOW, reason=""),
                # cam-d: its worker fell silent at 07:00; after 30 s without reports it counts as offline.
                _interval("cam-d", "online", at - timedelta(hours=12), None),
                CameraHealthRow(
                    camera_id="cam-d",
                    state="online",
                    since=at,
                    reported_at=at + timedelta(hours=2),
                    reason="",
                ),
            ]
        )

    report = get(api, "camera-uptime", since="2026-03-02T06:00:00Z", until="2026-03-02T08:00:00Z")

    by_id = {c["camera_id"]: c for c in report["cameras"]}
    assert list(by_id) == ["cam-a", "cam-b", "cam-c", "cam-d"]
    # cam-a: 06:00-07:00 online, 07:00-07:30 offline, 07:30-08:00 frozen (video, but not usable).
    assert by_id["cam-a"] == {
        "camera_id": "cam-a",
        "name": "Camera cam-a",
        "observed_seconds": 7200.0,
        "available_percent": 75.0,
        "healthy_percent": 50.0,
    }
    assert (by_id["cam-b"]["available_percent"], by_id["cam-b"]["healthy_percent"]) == (100.0, 100.0)
    assert by_id["cam-c"]["observed_seconds"] == 0
    assert by_id["cam-c"]["available_percent"] is None
    assert by_id["cam-d"]["available_percent"] == 50.42  # 3630 of 7200 s: 3600 s plus the 30 s grace

    overnight = get(api, "camera-uptime", since="2026-03-01T22:30:15Z", until="2026-03-02T08:00:00Z")
    cam_d = next(c for c in overnight["cameras"] if c["camera_id"] == "cam-d")
    assert (
        cam_d["observed_seconds"]
        == (NOW.replace(hour=8) - datetime(2026, 3, 1, 22, 30, 15, tzinfo=UTC)).seconds
    )

    default = get(api, "camera-uptime")
    assert (default["since"], default["until"]) == ("2026-03-01T09:00:00Z", "2026-03-02T09:00:00Z")


def test_response_time_percentiles_come_from_dispatch_metrics_for_the_same_window(api: TestClient) -> None:
    clock = services_of(api).clock
    assert isinstance(clock, FakeClock)
    headers = auth(api, "operator")
    for dispatch_after, travel in [(30, 100), (60, 200), (120, 400)]:
        unit_id = f"U-{dispatch_after}"
        unit = {"id": unit_id, "callsign": unit_id, "type": "pru", "latitude": 31.5, "longitude": 74.3}
        assert api.post("/api/v1/units", json=unit, headers=headers).status_code == 201
        incident = api.post("/api/v1/incidents", json={"type": "robbery"}, headers=headers).json()
        clock.advance(dispatch_after)
        assigned = api.post(
            f"/api/v1/incidents/{incident['id']}/assignments", json={"unit_id": unit_id}, headers=headers
        )
        assert assigned.status_code == 201, assigned.text
        for status, seconds in (("en_route", 0), ("on_scene", travel)):
            clock.advance(seconds)
            moved = api.post(f"/api/v1/units/{unit_id}/status", json={"status": status}, headers=headers)
            assert moved.status_code == 200, moved.text

    metrics = api.get(
        "/api/v1/dispatch/metrics",
        params={"since": NOW.isoformat(), "until": (NOW + timedelta(hours=1)).isoformat()},
        headers=auth(api, "supervisor"),
    ).json()["groups"]["all"]

    to_dispatch = metrics["call_processing"]
    assert (to_dispatch["count"], to_dispatch["p50"], to_dispatch["p90"], to_dispatch["p95"]) == (
        3,
        60.0,
        108.0,
        114.0,
    )
    to_arrival = metrics["total_response"]  # 130, 260, 520 s
    assert (to_arrival["p50"], to_arrival["p90"], to_arrival["p95"]) == (260.0, 468.0, 494.0)


def test_only_users_who_read_events_see_dashboards(api: TestClient) -> None:
    for path in ("alerts", "incidents", "plate-reads", "camera-uptime"):
        assert api.get(f"/api/v1/dashboards/{path}").status_code == 401
        assert api.get(f"/api/v1/dashboards/{path}", headers=auth(api, "auditor")).status_code == 403
        assert api.get(f"/api/v1/dashboards/{path}", headers=auth(api, "traffic_officer")).status_code == 200


BAD_WINDOWS = [
    ("alerts", {"bucket": "week"}, "bucket", "hour"),
    ("alerts", {"since": "yesterday"}, "since", "datetime"),
    ("incidents", {"since": "2026-03-01T09:00:00"}, "since", "time zone"),
    ("incidents", {"until": "2026-03-01T09:00:00"}, "until", "time zone"),
    ("plate-reads", {"since": "2026-03-02T09:00:00Z", "until": "2026-03-02T09:00:00Z"}, "since", "earlier"),
    ("alerts", {"since": "2026-01-01T00:00:00Z"}, "since", "31 days"),
    ("alerts", {"since": "2025-01-01T00:00:00Z", "bucket": "day"}, "since", "366 days"),
    ("camera-uptime", {"since": "2025-01-01T00:00:00Z"}, "since", "366 days"),
    ("camera-uptime", {"until": "2026-03-02"}, "until", "time zone"),
]


def test_a_bad_window_is_refused_naming_the_field(api: TestClient) -> None:
    for path, params, field, message in BAD_WINDOWS:
        response = api.get(f"/api/v1/dashboards/{path}", params=params, headers=auth(api, "supervisor"))

        assert response.status_code == 422, (path, params)
        error = response.json()["detail"][0]
        assert error["loc"] == ["query", field], (path, params)
        assert message in error["msg"], (path, params)
