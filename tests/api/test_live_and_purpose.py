"""Live events over the WebSocket, filtered by role; purpose-bound personal-data reads."""

from __future__ import annotations

from typing import Annotated

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from safecity.core.auth.permissions import Permission
from safecity.core.bus import Event
from safecity.core.http.access import PersonalDataAccess
from safecity.core.http.access import personal_data_read
from tests.api.conftest import auth
from tests.api.conftest import ticket_for


def publish(client: TestClient, event: Event) -> None:
    bus = client.app.state.services.bus  # type: ignore[attr-defined]
    client.portal.call(bus.publish, event)  # type: ignore[union-attr]


def test_live_socket_streams_events_the_role_may_see(client: TestClient) -> None:
    ticket = ticket_for(client, "operator")
    with client.websocket_connect(f"/api/v1/live?ticket={ticket}") as socket:
        assert socket.receive_json()["type"] == "live.hello"
        publish(client, Event(type="plate.sighting", payload={"text": "LEB-06-5700"}))
        publish(client, Event(type="camera.health", camera_id="cam-1", payload={"state": "offline"}))
        received = socket.receive_json()
    # The operator may not see plate reads (investigators may); the health event arrives.
    assert received["type"] == "camera.health"
    assert received["camera_id"] == "cam-1"


def test_live_socket_topics_narrow_the_feed(client: TestClient) -> None:
    ticket = ticket_for(client, "investigator")
    with client.websocket_connect(f"/api/v1/live?ticket={ticket}&topics=plate.>") as socket:
        socket.receive_json()
        publish(client, Event(type="camera.health", payload={}))
        publish(client, Event(type="plate.sighting", payload={"text": "AVV-584"}))
        assert socket.receive_json()["payload"] == {"text": "AVV-584"}


def test_live_socket_refuses_a_bad_ticket(client: TestClient) -> None:
    with (
        pytest.raises(WebSocketDisconnect) as closed,
        client.websocket_connect("/api/v1/live?ticket=nope") as socket,
    ):
        socket.receive_json()
    assert closed.value.code == 1008


def _personal_data_route(client: TestClient) -> None:
    router = APIRouter()

    @router.get("/api/v1/test/plates/{plate}")
    def read_plate(
        plate: str,
        access: Annotated[PersonalDataAccess, personal_data_read(Permission.PLATES_SEARCH, "plate.read")],
    ) -> dict[str, str]:
        return {"plate": plate, "purpose": access.purpose}

    client.app.include_router(router)  # type: ignore[attr-defined]


def test_personal_data_reads_need_a_purpose(client: TestClient) -> None:
    _personal_data_route(client)
    response = client.get("/api/v1/test/plates/LEB-1", headers=auth(client, "investigator"))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "purpose"]


def test_personal_data_reads_still_need_the_permission(client: TestClient) -> None:
    _personal_data_route(client)
    response = client.get(
        "/api/v1/test/plates/LEB-1", headers=auth(client, "operator"), params={"purpose": "stolen car report"}
    )
    assert response.status_code == 403


def test_personal_data_reads_are_audited_with_purpose_and_case(client: TestClient) -> None:
    _personal_data_route(client)
    response = client.get(
        "/api/v1/test/plates/LEB-1",
        headers=auth(client, "investigator"),
        params={"purpose": "stolen car report", "case_ref": "FIR-77/2026", "extra": "1"},
    )
    assert response.status_code == 200
    entries = client.get(
        "/api/v1/audit", headers=auth(client, "auditor"), params={"action": "plate.read"}
    ).json()
    assert len(entries) == 1
    entry = entries[0]
    assert (entry["actor"], entry["purpose"], entry["case_ref"]) == (
        "investigator",
        "stolen car report",
        "FIR-77/2026",
    )
    assert entry["object_id"] == "/api/v1/test/plates/LEB-1"
    assert '"extra":"1"' in entry["details"]


def test_the_purpose_may_come_in_a_header(client: TestClient) -> None:
    _personal_data_route(client)
    headers = auth(client, "investigator") | {"X-Safecity-Purpose": "missing person search"}
    assert (
        client.get("/api/v1/test/plates/LEB-1", headers=headers).json()["purpose"] == "missing person search"
    )
