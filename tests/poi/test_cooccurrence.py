"""Co-occurrences: other persons of interest and vehicles seen at the same camera within the window of a
person's sightings, strongest first, on seeded sightings and plate reads with a known answer."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from safecity.anpr.service import store_read
from safecity.poi.models import PersonSighting
from tests.anpr.conftest import T0
from tests.anpr.conftest import plate_read
from tests.poi.conftest import create
from tests.poi.conftest import headers
from tests.poi.support import services_of


def _seen(http: TestClient, person_id: int, camera_id: str, minutes: float) -> None:
    with services_of(http).database.session() as session:
        session.add(
            PersonSighting(
                person_id=person_id,
                kind="face",
                camera_id=camera_id,
                seen_at=T0 + timedelta(minutes=minutes),
                source_event_id=str(uuid.uuid4()),
                details={},
            )
        )


def _read(http: TestClient, plate: str, camera_id: str, minutes: float) -> None:
    with services_of(http).database.session() as session:
        store_read(session, plate_read(plate, camera_id=camera_id, minutes=minutes), None)


@pytest.fixture
def seeded(client: TestClient) -> dict[str, int]:
    """Imran at cam-a (T0, T0+60) and cam-b (T0); Bilal twice beside him at cam-a; Chand once at cam-b and
    once at cam-a 10 minutes off; plates: LEC-1 once, LED-2 twice, Imran's own LEA-1234, LEF-3 elsewhere."""
    imran = create(client)
    vehicle = client.post(
        f"/api/v1/persons/{imran['id']}/vehicles", json={"plate": "LEA-1234"}, headers=headers(client)
    )
    assert vehicle.status_code == 201, vehicle.text
    bilal = create(client, name="Bilal Ahmed", cnic=None, father_name="Ahmed Din")
    chand = create(client, name="Chand Bibi", cnic=None, father_name="Noor Din")
    for camera_id, minutes in (("cam-a", 0), ("cam-a", 60), ("cam-b", 0)):
        _seen(client, imran["id"], camera_id, minutes)
    for person, camera_id, minutes in (
        (bilal, "cam-a", 2),
        (bilal, "cam-a", 61),
        (chand, "cam-a", 10),
        (chand, "cam-b", 4),
        (chand, "cam-c", 0),
    ):
        _seen(client, person["id"], camera_id, minutes)
    for plate, camera_id, minutes in (
        ("LEC-1", "cam-a", 1),
        ("LED-2", "cam-b", -3),
        ("LED-2", "cam-a", 59),
        ("LEA-1234", "cam-a", 0),
        ("LEF-3", "cam-c", 0),
    ):
        _read(client, plate, camera_id, minutes)
    return {"imran": imran["id"], "bilal": bilal["id"], "chand": chand["id"]}


def _companions(http: TestClient, person_id: int, **query: Any) -> list[tuple[Any, ...]]:
    response = http.get(
        f"/api/v1/persons/{person_id}/co-occurrences", params=query, headers=headers(http, "investigator")
    )
    assert response.status_code == 200, response.text
    return [
        (c["kind"], c["name"] or c["plate"], c["count"], c["cameras"])
        for c in response.json()["cooccurrences"]
    ]


def test_companions_within_five_minutes_strongest_first(client: TestClient, seeded: dict[str, int]) -> None:
    assert _companions(client, seeded["imran"]) == [
        ("person", "Bilal Ahmed", 2, ["cam-a"]),
        ("vehicle", "LED-2", 2, ["cam-a", "cam-b"]),
        ("person", "Chand Bibi", 1, ["cam-b"]),
        ("vehicle", "LEC-1", 1, ["cam-a"]),
    ]


def test_a_wider_window_and_a_later_start(client: TestClient, seeded: dict[str, int]) -> None:
    wider = _companions(client, seeded["imran"], window_minutes=15)
    assert ("person", "Chand Bibi", 2, ["cam-a", "cam-b"]) in wider
    later = _companions(client, seeded["imran"], since=(T0 + timedelta(minutes=30)).isoformat())
    assert later == [("person", "Bilal Ahmed", 1, ["cam-a"]), ("vehicle", "LED-2", 1, ["cam-a"])]


def test_the_other_side_sees_the_person_too(client: TestClient, seeded: dict[str, int]) -> None:
    assert ("person", "Imran Khan", 2, ["cam-a"]) in _companions(client, seeded["bilal"])


@pytest.mark.parametrize("window", ["0", "121", "five"])
def test_a_bad_window_is_a_422_naming_it(client: TestClient, window: str) -> None:
    imran = create(client)
    response = client.get(
        f"/api/v1/persons/{imran['id']}/co-occurrences",
        params={"window_minutes": window},
        headers=headers(client),
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "window_minutes"]


def test_co_occurrences_need_a_purpose(client: TestClient) -> None:
    imran = create(client)
    response = client.get(
        f"/api/v1/persons/{imran['id']}/co-occurrences", headers=headers(client, purpose=False)
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "purpose"]
