"""The CAD over HTTP: incidents, units, dispatch with 409s, AVL, the situation view, calls, panic, metrics."""

from __future__ import annotations

import httpx
from fastapi.testclient import TestClient

from safecity.dispatch.routing import GreatCircleRouter
from safecity.dispatch.routing import OsrmRouter
from tests.alerts.fakes import FakeClock
from tests.api.conftest import auth


def _units(client: TestClient, headers: dict[str, str]) -> None:
    for unit_id, kind, lat, lon in [
        ("PRU-1", "pru", 31.560, 74.350),
        ("DOL-1", "dolphin", 31.521, 74.351),
        ("AMB-1", "ambulance", 31.520, 74.340),
    ]:
        body = {"id": unit_id, "callsign": unit_id, "type": kind, "latitude": lat, "longitude": lon}
        assert client.post("/api/v1/units", json=body, headers=headers).status_code == 201


def test_incident_lifecycle_dispatch_and_metrics(client: TestClient) -> None:
    clock = FakeClock()
    client.app.state.services.clock = clock  # type: ignore[attr-defined]
    headers = auth(client, "operator")
    _units(client, headers)
    assert (
        client.post(
            "/api/v1/units", json={"id": "PRU-1", "callsign": "x", "type": "pru"}, headers=headers
        ).status_code
        == 409
    )

    missing = client.post("/api/v1/incidents", json={"latitude": 31.52}, headers=headers)
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["body", "type"]
    bad_lat = client.post("/api/v1/incidents", json={"type": "robbery", "latitude": 91}, headers=headers)
    assert bad_lat.json()["detail"][0]["loc"] == ["body", "latitude"]
    created = client.post(
        "/api/v1/incidents",
        json={"type": "robbery", "latitude": 31.52, "longitude": 74.35, "area": "gulberg"},
        headers=headers,
    ).json()
    incident_id = created["id"]
    assert (created["priority"], created["status"]) == (1, "new")

    situation = client.get(f"/api/v1/incidents/{incident_id}/situation", headers=headers).json()
    assert [r["unit"]["id"] for r in situation["recommended_units"]] == ["DOL-1", "PRU-1"]  # police only
    assert situation["cameras"] == [] or "health" in situation["cameras"][0]

    assert (
        client.post(
            f"/api/v1/incidents/{incident_id}/status", json={"status": "closed"}, headers=headers
        ).status_code
        == 409
    )
    clock.advance(45)
    assigned = client.post(
        f"/api/v1/incidents/{incident_id}/assignments", json={"unit_id": "DOL-1"}, headers=headers
    )
    assert assigned.status_code == 201
    assert assigned.json()["estimated_travel_s"] > 0
    busy = client.post(
        f"/api/v1/incidents/{incident_id}/assignments", json={"unit_id": "DOL-1"}, headers=headers
    )
    assert busy.status_code == 409
    assert (
        client.post(
            f"/api/v1/incidents/{incident_id}/assignments", json={"unit_id": "NOPE"}, headers=headers
        ).status_code
        == 404
    )

    steps = [("en_route", 30), ("on_scene", 200), ("cleared", 900), ("available", 10)]
    for status, seconds in steps:
        clock.advance(seconds)
        moved = client.post("/api/v1/units/DOL-1/status", json={"status": status}, headers=headers)
        assert moved.status_code == 200
        assert moved.json()["status"] == status
    assert (
        client.post("/api/v1/units/DOL-1/status", json={"status": "on_scene"}, headers=headers).status_code
        == 409
    )

    avl = client.post(
        "/api/v1/units/DOL-1/location", json={"latitude": 31.6, "longitude": 74.4}, headers=headers
    )
    assert avl.json()["latitude"] == 31.6

    detail = client.get(f"/api/v1/incidents/{incident_id}", headers=headers).json()
    assert detail["incident"]["status"] == "on_scene"
    assert detail["times"] == {
        "call_processing": 45.0,
        "turnout": 30.0,
        "travel": 200.0,
        "total_response": 275.0,
    }
    assert (
        client.post(
            f"/api/v1/incidents/{incident_id}/notes", json={"text": "suspect fled north"}, headers=headers
        ).status_code
        == 201
    )
    link = {"kind": "vehicle", "ref": "LEB-1234", "note": "getaway car"}
    assert (
        client.post(f"/api/v1/incidents/{incident_id}/links", json=link, headers=headers).status_code == 201
    )
    for status in ("resolved", "closed"):
        assert (
            client.post(
                f"/api/v1/incidents/{incident_id}/status", json={"status": status}, headers=headers
            ).status_code
            == 200
        )
    log = [e["kind"] for e in client.get(f"/api/v1/incidents/{incident_id}", headers=headers).json()["log"]]
    assert log.count("status") == 5
    assert {"note", "dispatch"} <= set(log)

    report = client.get("/api/v1/dispatch/metrics", params={"group_by": "area"}, headers=headers).json()
    gulberg = report["groups"]["gulberg"]
    assert gulberg["call_processing"]["p90"] == 45.0
    assert gulberg["call_processing"]["met"] is True
    assert gulberg["travel"]["within_target"] == 1.0
    assert client.get("/api/v1/dispatch/metrics", headers=auth(client, "auditor")).status_code == 403


def test_call_taking_irrelevant_calls_and_repeat_callers(client: TestClient) -> None:
    headers = auth(client, "operator")
    for _ in range(2):
        prank = client.post(
            "/api/v1/calls", json={"caller_number": "0300-1234567", "disposition": "prank"}, headers=headers
        )
        assert prank.status_code == 201
        assert prank.json()["incident"] is None
    third = client.post("/api/v1/calls", json={"caller_number": "+92 300 1234567"}, headers=headers).json()
    assert third["caller"] == {"calls_in_window": 3, "not_incidents_in_window": 2, "repeat": True}
    no_type = client.post(
        f"/api/v1/calls/{third['call']['id']}/disposition", json={"disposition": "incident"}, headers=headers
    )
    assert no_type.status_code == 422
    assert no_type.json()["detail"][0]["loc"] == ["body", "type"]
    became = client.post(
        f"/api/v1/calls/{third['call']['id']}/disposition",
        json={"disposition": "incident", "type": "harassment"},
        headers=headers,
    ).json()
    assert became["incident"]["origin"] == "call"
    assert became["incident"]["priority"] == 2
    again = client.post(
        f"/api/v1/calls/{third['call']['id']}/disposition", json={"disposition": "prank"}, headers=headers
    )
    assert again.status_code == 409
    stats = client.get("/api/v1/calls/stats", headers=headers).json()
    assert (stats["total"], stats["by_disposition"]["prank"], stats["by_disposition"]["incident"]) == (
        3,
        2,
        1,
    )
    history = client.get("/api/v1/calls/by-caller", params={"number": "03001234567"}, headers=headers).json()
    assert len(history) == 3
    assert client.post("/api/v1/calls", json={"caller_number": "1"}, headers=headers).status_code == 422
    assert client.get("/api/v1/calls/stats", headers=auth(client, "investigator")).status_code == 403


def test_panic_follows_the_phone_and_shows_units(client: TestClient) -> None:
    headers = auth(client, "operator")
    _units(client, headers)
    body = {"device_id": "phone-abc", "latitude": 31.5204, "longitude": 74.3587, "phone": "03001112222"}
    started = client.post("/api/v1/panic", json=body)
    assert started.status_code == 201
    panic = started.json()
    alert = client.get(f"/api/v1/alerts/{panic['alert_id']}", headers=headers).json()
    assert (alert["severity"], alert["kind"], alert["incident_id"]) == (
        "critical",
        "panic",
        panic["incident_id"],
    )

    moved = {"latitude": 31.5300, "longitude": 74.3600}
    path = f"/api/v1/panic/{panic['panic_id']}/location"
    assert client.post(path, json=moved, headers={"X-Panic-Token": "wrong-token-123"}).status_code == 403
    assert client.post(path, json=moved, headers={"X-Panic-Token": panic["token"]}).status_code == 204

    view = client.get(f"/api/v1/panic/{panic['panic_id']}", headers=headers).json()
    assert view["incident"]["latitude"] == 31.53
    assert view["incident"]["priority"] == 1
    assert len(view["trail"]) == 2
    assert view["recommended_units"][0]["unit"]["id"] == "DOL-1"
    assert isinstance(view["cameras"], list)

    again = client.post("/api/v1/panic", json=body, headers={"X-Panic-Token": panic["token"]}).json()
    assert (again["incident_id"], again["token"]) == (panic["incident_id"], panic["token"])  # pressed again
    statuses = [client.post("/api/v1/panic", json=body).status_code for _ in range(5)]
    assert statuses[-1] == 429
    assert client.get(f"/api/v1/panic/{panic['panic_id']}").status_code == 401


def test_osrm_router_uses_the_table_service_and_falls_back() -> None:
    seen: list[httpx.Request] = []

    def respond(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"code": "Ok", "durations": [[120.5], [None]]})

    estimate = GreatCircleRouter()
    router = OsrmRouter(
        "http://osrm:5000/", estimate, client=httpx.Client(transport=httpx.MockTransport(respond))
    )
    times = router.travel_seconds([(31.5, 74.3), (31.6, 74.4)], (31.52, 74.35))
    assert times[0] == 120.5
    assert times[1] == estimate.travel_seconds([(31.6, 74.4)], (31.52, 74.35))[0]
    assert seen[0].url.path == "/table/v1/driving/74.300000,31.500000;74.400000,31.600000;74.350000,31.520000"
    assert seen[0].url.params["destinations"] == "2"

    down = OsrmRouter(
        "http://osrm:5000",
        estimate,
        client=httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(503))),
    )
    assert down.travel_seconds([(31.5, 74.3)], (31.52, 74.35)) == estimate.travel_seconds(
        [(31.5, 74.3)], (31.52, 74.35)
    )


def test_incident_description_and_the_incident_a_unit_serves(client: TestClient) -> None:
    headers = auth(client, "operator")
    _units(client, headers)
    too_long = client.post(
        "/api/v1/incidents", json={"type": "robbery", "description": "x" * 5001}, headers=headers
    )
    assert too_long.status_code == 422
    assert too_long.json()["detail"][0]["loc"] == ["body", "description"]

    described = client.post(
        "/api/v1/incidents",
        json={
            "type": "robbery",
            "latitude": 31.52,
            "longitude": 74.35,
            "description": " Two men, one bike. ",
        },
        headers=headers,
    ).json()
    assert described["description"] == "Two men, one bike."
    detail = client.get(f"/api/v1/incidents/{described['id']}", headers=headers).json()
    assert detail["incident"]["description"] == "Two men, one bike."
    assert all(entry["kind"] != "note" for entry in detail["log"])  # not a log note
    blank = client.post("/api/v1/incidents", json={"type": "robbery", "description": "  "}, headers=headers)
    assert blank.json()["description"] is None

    def unit(unit_id: str) -> dict[str, object]:
        found: dict[str, object] = client.get(f"/api/v1/units/{unit_id}", headers=headers).json()
        return found

    assert unit("DOL-1")["incident_id"] is None
    assigned = client.post(
        f"/api/v1/incidents/{described['id']}/assignments", json={"unit_id": "DOL-1"}, headers=headers
    )
    assert assigned.status_code == 201
    assert unit("DOL-1")["incident_id"] == described["id"]
    listed = {u["id"]: u for u in client.get("/api/v1/units", headers=headers).json()}
    assert (listed["DOL-1"]["incident_id"], listed["PRU-1"]["incident_id"]) == (described["id"], None)

    on_the_way = client.post("/api/v1/units/DOL-1/status", json={"status": "en_route"}, headers=headers)
    assert on_the_way.json()["incident_id"] == described["id"]
    for status in ["on_scene", "cleared"]:
        changed = client.post("/api/v1/units/DOL-1/status", json={"status": status}, headers=headers)
        assert changed.status_code == 200, changed.text
    assert changed.json()["incident_id"] is None
