"""A plate read or face match of a person of interest raises one alert naming the person and status; a plate
and a face of the same person at the same camera within minutes are that one alert."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from safecity.faces.watchlist.events import FaceCandidateEvent
from safecity.faces.watchlist.events import FaceMatchConfirmedEvent
from tests.anpr.conftest import T0
from tests.anpr.conftest import plate_read
from tests.faces.support import OBAMA
from tests.faces.support import photo
from tests.poi.conftest import add_photo
from tests.poi.conftest import create
from tests.poi.conftest import headers
from tests.poi.support import add_camera
from tests.poi.support import alerts
from tests.poi.support import eventually
from tests.poi.support import publish

pytestmark = pytest.mark.slow


def _candidate(subject_id: str, camera_id: str, minutes: float) -> FaceCandidateEvent:
    seen = T0 + timedelta(minutes=minutes)
    return FaceCandidateEvent(
        camera_id=camera_id,
        time=seen,
        candidate_id=1,
        subject_id=subject_id,
        subject_name="Imran Khan",
        category="wanted",
        score=0.91,
        distance=0.3,
        model="test-model",
        probe_sha256="ab" * 32,
        enrolled_sha256="cd" * 32,
        seen_at=seen,
    )


def test_a_plate_read_of_a_proclaimed_offenders_vehicle_raises_one_critical_alert_naming_him(
    client: TestClient,
) -> None:
    add_camera(client, "cam-mall", "Mall Road")
    person = create(client)
    added = client.post(
        f"/api/v1/persons/{person['id']}/vehicles", json={"plate": "LEA-1234"}, headers=headers(client)
    )
    assert added.status_code == 201, added.text
    operator = headers(client, "operator", purpose=False)

    publish(client, plate_read("LEA-1234", camera_id="cam-mall"))

    raised = eventually(lambda: alerts(client, operator), lambda found: len(found) >= 1, "an alert")
    [alert] = raised
    assert alert["title"] == (
        "Proclaimed offender Imran Khan (FIR 123/2026 Model Town) — plate LEA-1234 seen at Mall Road"
    )
    assert (alert["kind"], alert["severity"], alert["camera_id"]) == (
        "person_of_interest",
        "critical",
        "cam-mall",
    )
    assert alert["details"]["person_id"] == person["id"]
    assert alert["priority"] >= 1000  # critical alarms jump the queue


def test_a_face_match_at_the_same_camera_joins_the_plate_alert(api: TestClient) -> None:
    client = api
    person = create(client, status="suspect")
    assert add_photo(client, person["id"], photo(OBAMA)).status_code == 201
    client.post(
        f"/api/v1/persons/{person['id']}/vehicles", json={"plate": "LEA-1234"}, headers=headers(client)
    )
    operator = headers(client, "operator", purpose=False)

    publish(client, plate_read("LEA-1234", camera_id="cam-7"))
    eventually(lambda: alerts(client, operator), lambda found: len(found) == 1, "the plate's alert")
    publish(client, _candidate(f"poi-{person['id']}", "cam-7", minutes=2))
    [alert] = eventually(
        lambda: alerts(client, operator),
        lambda found: len(found) == 1 and found[0]["count"] == 2,
        "one merged alert",
    )
    assert (alert["kind"], alert["severity"]) == ("person_of_interest", "high")  # a suspect is not critical
    assert alert["title"].startswith(
        "Suspect Imran Khan (FIR 123/2026 Model Town) — plate LEA-1234 seen at cam-7"
    )

    timeline = client.get(f"/api/v1/persons/{person['id']}/timeline", headers=headers(client)).json()[
        "entries"
    ]
    kinds = {entry["kind"] for entry in timeline}
    assert {"change", "hotlist_hit"} <= kinds


def test_a_face_match_alone_waits_for_two_person_confirmation_and_is_critical_once_confirmed(
    api: TestClient,
) -> None:
    client = api
    person = create(client)  # a proclaimed offender
    assert add_photo(client, person["id"], photo(OBAMA)).status_code == 201
    operator = headers(client, "operator", purpose=False)
    candidate = _candidate(f"poi-{person['id']}", "cam-7", minutes=0)

    publish(client, candidate)
    [alert] = eventually(lambda: alerts(client, operator), lambda found: len(found) == 1, "the face's alert")
    assert (alert["kind"], alert["severity"], alert["status"]) == ("person_of_interest", "high", "new")
    assert alert["requires_confirmation"] is True
    assert alert["priority"] < 1000  # an unconfirmed face does not jump the queue

    confirmed = FaceMatchConfirmedEvent(
        **candidate.model_dump(exclude={"id", "type", "time"}),
        time=candidate.time + timedelta(minutes=1),
        confirmed_by=["first", "second"],
        candidate_event_id=str(candidate.id),
    )
    publish(client, confirmed)
    [alert] = eventually(
        lambda: alerts(client, operator), lambda found: found[0]["status"] == "confirmed", "the confirmation"
    )
    assert alert["priority"] >= 1000


def test_hits_of_ordinary_hotlists_and_subjects_still_raise_their_own_alerts(client: TestClient) -> None:
    supervisor = headers(client, purpose=False)
    hotlist = client.post("/api/v1/hotlists", json={"name": "stolen", "kind": "stolen"}, headers=supervisor)
    entry = {"plate": "LEA-1234", "reason": "stolen car"}
    client.post(f"/api/v1/hotlists/{hotlist.json()['id']}/entries", json=entry, headers=supervisor)
    operator = headers(client, "operator", purpose=False)

    publish(client, plate_read("LEA-1234", camera_id="cam-7"))
    publish(client, _candidate("p-someone", "cam-7", minutes=0))
    found = eventually(lambda: alerts(client, operator), lambda found: len(found) == 2, "two alerts")
    assert sorted(alert["kind"] for alert in found) == ["face_candidate", "vehicle_hit"]
