"""`GET /api/v1/events`: events published on the bus are indexed and searched by type, camera and time,
paged and permission-filtered (embedded bus, on SQLite and PostgreSQL)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from safecity.core.auth.permissions import Permission
from safecity.core.auth.permissions import Role
from safecity.core.auth.permissions import has_permission
from safecity.core.bus.events import Event
from safecity.core.http.services import Services
from safecity.events_search.visibility import hidden_prefixes
from safecity.events_search.visibility import is_visible
from tests.api.conftest import auth

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
DEADLINE = 20.0


def publish(client: TestClient, event_type: str, camera_id: str | None, minutes: int, **fields: Any) -> Event:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    event = Event(type=event_type, camera_id=camera_id, time=T0 + timedelta(minutes=minutes), **fields)
    client.portal.call(services.bus.publish, event)  # type: ignore[union-attr]
    return event


def until_found(request: Callable[[], httpx.Response], count: int) -> dict[str, Any]:
    """The first answer listing `count` events: the index consumer catches up in the background."""
    deadline = time.monotonic() + DEADLINE
    while True:
        response = request()
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        if len(body["events"]) >= count:
            return body
        if time.monotonic() > deadline:
            pytest.fail(f"{count} events not searchable within {DEADLINE} s: {body}")
        time.sleep(0.05)


def test_published_events_are_searched_by_type_camera_and_time(client: TestClient) -> None:
    headers = auth(client, "investigator")
    publish(client, "door.opened", "cam-1", 0)
    publish(client, "door.closed", "cam-2", 10, payload={"zone": "north"}, severity="high")
    publish(client, "door_bell.rang", "cam-1", 20)
    publish(client, "window.broken", "cam-1", 30)

    def search(**params: Any) -> dict[str, Any]:
        return client.get("/api/v1/events", params=params, headers=headers).json()

    everything = until_found(lambda: client.get("/api/v1/events", headers=headers), 4)
    assert [e["type"] for e in everything["events"]] == [
        "window.broken",
        "door_bell.rang",
        "door.closed",
        "door.opened",
    ]
    closed = everything["events"][2]
    assert closed["time"] == "2026-05-01T08:10:00Z"
    assert closed["payload"] == {"zone": "north", "severity": "high"}
    assert [e["type"] for e in search(type="door.")["events"]] == ["door.closed", "door.opened"]
    assert [e["type"] for e in search(camera_id="cam-1", type="door")["events"]] == [
        "door_bell.rang",
        "door.opened",
    ]
    window = {"since": "2026-05-01T08:10:00Z", "until": "2026-05-01T08:30:00Z"}
    assert [e["type"] for e in search(**window)["events"]] == ["door_bell.rang", "door.closed"]


def test_api_pages_and_filters_by_permission(client: TestClient) -> None:
    publish(client, "door.opened", "cam-1", 0)
    publish(client, "door.closed", "cam-1", 1)
    publish(client, "plate.read", "cam-1", 2, payload={"text": "LEB-06-5700"})
    publish(client, "challan.probe", "cam-1", 3)
    traffic_officer = auth(client, "traffic_officer")
    until_found(lambda: client.get("/api/v1/events", params={"type": "challan."}, headers=traffic_officer), 1)

    investigator = auth(client, "investigator")
    response = client.get("/api/v1/events", params={"camera_id": "cam-1", "limit": 1}, headers=investigator)
    first = response.json()
    assert [e["type"] for e in first["events"]] == ["door.closed"]  # challan and plate events are hidden
    following = client.get(
        "/api/v1/events", params={"camera_id": "cam-1", "cursor": first["next_cursor"]}, headers=investigator
    ).json()
    assert [e["type"] for e in following["events"]] == ["door.opened"]
    assert following["next_cursor"] is None
    officer_sees = client.get("/api/v1/events", params={"type": "challan."}, headers=traffic_officer).json()
    assert [e["type"] for e in officer_sees["events"]] == ["challan.probe"]
    assert (
        client.get("/api/v1/events", params={"type": "plate."}, headers=investigator).json()["events"] == []
    )


def test_visibility_follows_the_live_rules_and_hides_personal_data() -> None:
    def can(role: Role):  # type: ignore[no-untyped-def]
        return lambda permission: has_permission(role, permission)

    investigator, traffic = can(Role.INVESTIGATOR), can(Role.TRAFFIC_OFFICER)
    assert not is_visible(investigator, "plate.read")  # personal data: only via the purpose-bound search
    assert not is_visible(investigator, "face.sighting")
    assert not is_visible(investigator, "challan.violation")
    assert is_visible(traffic, "challan.violation")
    assert is_visible(investigator, "alert.created")
    assert {"plate.", "face.", "challan.", "audit."} <= set(hidden_prefixes(investigator))
    assert "challan." not in hidden_prefixes(traffic)
    assert has_permission(Role.INVESTIGATOR, Permission.EVENTS_READ)


def test_api_refuses_bad_input_and_roles_without_events_read(client: TestClient) -> None:
    headers = auth(client, "investigator")
    bad_type = client.get("/api/v1/events", params={"type": "alert.%"}, headers=headers)
    assert bad_type.status_code == 422
    assert bad_type.json()["detail"][0]["loc"] == ["query", "type"]
    backwards = client.get(
        "/api/v1/events",
        params={"since": "2026-05-02T00:00:00Z", "until": "2026-05-01T00:00:00Z"},
        headers=headers,
    )
    assert backwards.status_code == 422
    assert backwards.json()["detail"][0]["loc"] == ["query", "until"]
    assert client.get("/api/v1/events", headers=auth(client, "auditor")).status_code == 403
    assert client.get("/api/v1/events").status_code == 401
