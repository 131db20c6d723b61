"""Merging a duplicate record into the survivor: everything moves, the duplicate is kept and says where it
went, one audit entry and a history row on each; the moved vehicle raises one alert naming the survivor."""

from __future__ import annotations

import json
import uuid
from datetime import UTC
from datetime import datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from safecity.core.audit.models import AuditEntry
from safecity.faces.watchlist.models import FaceSubject
from safecity.poi.models import PersonSighting
from tests.anpr.conftest import T0
from tests.anpr.conftest import plate_read
from tests.faces.support import BIDEN
from tests.faces.support import OBAMA
from tests.faces.support import photo
from tests.poi.conftest import add_photo
from tests.poi.conftest import create
from tests.poi.conftest import headers
from tests.poi.support import add_camera
from tests.poi.support import alerts
from tests.poi.support import eventually
from tests.poi.support import publish
from tests.poi.support import services_of


def _sighting(http: TestClient, person_id: int, camera_id: str) -> None:
    with services_of(http).database.session() as session:
        session.add(
            PersonSighting(
                person_id=person_id,
                kind="plate",
                camera_id=camera_id,
                seen_at=T0,
                source_event_id=str(uuid.uuid4()),
                details={"seen": "plate LEB-99", "place": camera_id},
            )
        )


def _merge(http: TestClient, survivor: int, other: int, user: str = "supervisor") -> Any:
    body = {"other_id": other, "reason": "same man: CNIC match and the FIR names both"}
    return http.post(f"/api/v1/persons/{survivor}/merge", json=body, headers=headers(http, user))


def _duplicate(http: TestClient) -> dict[str, Any]:
    other = create(
        http,
        name="Imraan Butt",
        aliases=["Mani"],
        cnic=None,
        father_name="",
        firs=[{"number": "45/2025", "police_station": "Gulberg"}],
    )
    vehicle = {"plate": "LEB-99"}
    added = http.post(f"/api/v1/persons/{other['id']}/vehicles", json=vehicle, headers=headers(http))
    assert added.status_code == 201, added.text
    return other


def test_the_survivor_takes_names_firs_vehicles_photos_sightings_and_history(api: TestClient) -> None:
    survivor = create(api)
    other = _duplicate(api)
    assert add_photo(api, other["id"], photo(OBAMA)).status_code == 201
    _sighting(api, other["id"], "cam-liberty")

    response = _merge(api, survivor["id"], other["id"])
    assert response.status_code == 200, response.text
    moved = response.json()["moved"]
    assert (moved["aliases"], moved["firs"], moved["vehicles"], moved["photos"], moved["sightings"]) == (
        2,
        1,
        1,
        1,
        1,
    )

    read = api.get(f"/api/v1/persons/{survivor['id']}", headers=headers(api)).json()
    assert read["aliases"] == ["Imran Butt", "IK", "Imraan Butt", "Mani"]
    assert [f["number"] for f in read["firs"]] == ["123/2026", "45/2025"]
    assert [v["plate"] for v in read["vehicles"]] == ["LEB-99"]
    assert read["vehicles"][0]["hotlist_entry_id"] is not None
    assert len(read["photos"]) == 1
    assert read["face_subject_id"] == f"poi-{other['id']}"  # the subject moved with its photos
    timeline = api.get(f"/api/v1/persons/{survivor['id']}/timeline", headers=headers(api)).json()
    kinds = {entry["kind"] for entry in timeline["entries"]}
    titles = [entry["title"] for entry in timeline["entries"]]
    assert "hotlist_hit" in kinds  # the duplicate's sighting
    assert any(title.startswith("Vehicle added") for title in titles)  # the duplicate's history

    gone = api.get(f"/api/v1/persons/{other['id']}", headers=headers(api)).json()
    assert gone["merged_into_id"] == survivor["id"]
    assert (gone["on_watchlists"], gone["vehicles"], gone["photos"]) == (False, [], [])


def test_both_photos_end_on_the_survivors_subject_when_both_had_one(api: TestClient) -> None:
    survivor = create(api)
    other = _duplicate(api)
    assert add_photo(api, survivor["id"], photo(BIDEN)).status_code == 201
    assert add_photo(api, other["id"], photo(OBAMA)).status_code == 201

    response = _merge(api, survivor["id"], other["id"])
    assert response.status_code == 200, response.text
    read = api.get(f"/api/v1/persons/{survivor['id']}", headers=headers(api)).json()
    assert len(read["photos"]) == 2
    assert read["face_subject_id"] == f"poi-{survivor['id']}"
    with services_of(api).database.session() as session:  # kept for its past matches, expired
        expires = session.get_one(FaceSubject, f"poi-{other['id']}").expires_at
        assert expires is not None
        assert expires <= datetime.now(UTC)


def test_one_audit_entry_and_a_history_row_on_each_record(client: TestClient) -> None:
    survivor, other = create(client), _duplicate(client)
    assert _merge(client, survivor["id"], other["id"]).status_code == 200
    with services_of(client).database.session() as session:
        query = select(AuditEntry).where(AuditEntry.action.like("person.merge%"))
        merges = [
            (entry.action, entry.object_id, json.loads(entry.details)) for entry in session.scalars(query)
        ]
    [(action, object_id, details)] = merges
    assert (action, object_id, details["merged"]) == ("person.merge", str(survivor["id"]), other["id"])
    for person_id, action in ((survivor["id"], "person.merge"), (other["id"], "person.merged_into")):
        timeline = client.get(f"/api/v1/persons/{person_id}/timeline", headers=headers(client)).json()
        changes = [e for e in timeline["entries"] if e["kind"] == "change"]
        assert changes[-1]["details"]["action"] == action
        assert "CNIC match" in changes[-1]["title"]


@pytest.mark.parametrize(
    ("other", "message"),
    [("self", "itself"), ("missing", "no person of interest"), ("merged", "already merged")],
)
def test_a_bad_other_id_is_a_422_naming_it(client: TestClient, other: str, message: str) -> None:
    survivor, duplicate = create(client), _duplicate(client)
    other_id = {"self": survivor["id"], "missing": 999_999, "merged": duplicate["id"]}[other]
    if other == "merged":
        assert _merge(client, survivor["id"], duplicate["id"]).status_code == 200
    response = _merge(client, survivor["id"], other_id)
    assert response.status_code == 422
    [detail] = response.json()["detail"]
    assert detail["loc"] == ["body", "other_id"]
    assert message in detail["msg"]


def test_merging_needs_a_supervisor(client: TestClient) -> None:
    survivor, other = create(client), _duplicate(client)
    assert _merge(client, survivor["id"], other["id"], "investigator").status_code == 403


@pytest.mark.slow
def test_after_the_merge_the_moved_vehicle_raises_one_alert_naming_the_survivor(client: TestClient) -> None:
    add_camera(client, "cam-mall", "Mall Road")
    survivor, other = create(client), _duplicate(client)
    assert _merge(client, survivor["id"], other["id"]).status_code == 200

    publish(client, plate_read("LEB-99", camera_id="cam-mall"))
    operator = headers(client, "operator", purpose=False)
    [alert] = eventually(lambda: alerts(client, operator), lambda found: len(found) >= 1, "an alert")
    assert alert["details"]["person_id"] == survivor["id"]
    assert "Imran Khan" in alert["title"]
    publish(client, plate_read("LEB-99", camera_id="cam-mall", minutes=30))
    later = eventually(lambda: alerts(client, operator), lambda found: len(found) >= 2, "a second alert")
    assert {a["details"]["person_id"] for a in later} == {survivor["id"]}


def test_a_merged_record_leaves_the_list_and_cannot_be_changed(client: TestClient) -> None:
    survivor, other = create(client), _duplicate(client)
    assert _merge(client, survivor["id"], other["id"]).status_code == 200

    listed = client.get("/api/v1/persons", headers=headers(client)).json()
    assert [person["id"] for person in listed["persons"]] == [survivor["id"]]
    change = {"reason": "typo in the notes", "notes": "seen in Gulberg"}
    response = client.patch(f"/api/v1/persons/{other['id']}", json=change, headers=headers(client))
    assert response.status_code == 409
    assert f"merged into #{survivor['id']}" in response.text
