"""`GET /api/v1/events`: stored events searched by type, camera and time, paged, permission-filtered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import update

from safecity.core.auth.permissions import Permission, Role, has_permission
from safecity.core.bus.events import Event
from safecity.core.bus.message_log import MessageLog
from safecity.core.bus.tables import BusMessage
from safecity.core.db import Database
from safecity.core.http.services import Services
from safecity.events_search.queries import EventQuery, search_events
from safecity.events_search.visibility import hidden_prefixes, is_visible
from tests.api.conftest import auth

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


def log_event(
    database: Database, event_type: str, camera_id: str | None, minutes: int, **fields: object
) -> int:
    """Append an event as the embedded bus does, logged `minutes` after T0."""
    log = MessageLog(database)
    at = T0 + timedelta(minutes=minutes)
    seq = log.append(Event(type=event_type, camera_id=camera_id, time=at, **fields))
    with database.session() as session:
        session.execute(update(BusMessage).where(BusMessage.seq == seq).values(published_at=at))
    return seq


def search(database: Database, **criteria: object) -> list[tuple[str, str | None]]:
    with database.session() as session:
        page = search_events(session, EventQuery(**criteria))  # type: ignore[arg-type]
    return [(event.type, event.camera_id) for event in page.events]


def test_filters_by_type_prefix_camera_and_time_newest_first(database: Database) -> None:
    log_event(database, "door.opened", "cam-1", 0)
    log_event(database, "door.closed", "cam-2", 10)
    log_event(database, "door_bell.rang", "cam-1", 20)
    log_event(database, "window.broken", "cam-1", 30)

    assert search(database, type_prefix="door.") == [("door.closed", "cam-2"), ("door.opened", "cam-1")]
    assert search(database, camera_id="cam-1") == [
        ("window.broken", "cam-1"),
        ("door_bell.rang", "cam-1"),
        ("door.opened", "cam-1"),
    ]
    window = {"since": T0 + timedelta(minutes=10), "until": T0 + timedelta(minutes=30)}
    assert search(database, **window) == [("door_bell.rang", "cam-1"), ("door.closed", "cam-2")]


def test_pages_with_a_cursor_until_the_end(database: Database) -> None:
    for minute in range(5):
        log_event(database, "door.opened", "cam-1", minute, payload={"n": minute})
    seen: list[int] = []
    cursor: int | None = None
    pages = 0
    while True:
        with database.session() as session:
            page = search_events(session, EventQuery(before_seq=cursor, limit=2))
        seen += [event.payload["n"] for event in page.events]
        pages += 1
        if page.next_before_seq is None:
            break
        cursor = page.next_before_seq
    assert seen == [4, 3, 2, 1, 0]
    assert pages == 3


def test_typed_fields_and_payload_are_returned_together(database: Database) -> None:
    log_event(database, "door.opened", "cam-1", 0, payload={"zone": "north"}, severity="high")
    with database.session() as session:
        (event,) = search_events(session, EventQuery()).events
    assert event.payload == {"zone": "north", "severity": "high"}
    assert event.time.startswith("2026-05-01T08:00:00")


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


def test_api_searches_pages_and_filters_by_permission(client: TestClient) -> None:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    log_event(services.database, "door.opened", "cam-1", 0)
    log_event(services.database, "door.closed", "cam-1", 1)
    log_event(services.database, "plate.probe", "cam-1", 2, text="LEB-06-5700")
    log_event(services.database, "challan.probe", "cam-1", 3)

    investigator = auth(client, "investigator")
    response = client.get("/api/v1/events", params={"camera_id": "cam-1", "limit": 1}, headers=investigator)
    assert response.status_code == 200, response.text
    first = response.json()
    assert [e["type"] for e in first["events"]] == ["door.closed"]  # challan and plate events are hidden
    following = client.get(
        "/api/v1/events", params={"camera_id": "cam-1", "cursor": first["next_cursor"]}, headers=investigator
    ).json()
    assert [e["type"] for e in following["events"]] == ["door.opened"]
    assert following["next_cursor"] is None

    traffic_officer = auth(client, "traffic_officer")
    traffic = client.get("/api/v1/events", params={"type": "challan."}, headers=traffic_officer)
    assert [e["type"] for e in traffic.json()["events"]] == ["challan.probe"]


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
