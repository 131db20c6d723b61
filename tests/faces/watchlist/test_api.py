"""The face watchlist over HTTP: subjects and enrolment, 1:N search with a purpose, candidate decisions."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from safecity.core.http.services import Services
from safecity.faces.consumer import SightingConsumer
from safecity.faces.runtime import face_watchlist
from safecity.faces.watchlist.events import FaceCandidateEvent
from tests.api.conftest import auth_once as auth
from tests.faces.support import BIDEN
from tests.faces.support import OBAMA
from tests.faces.support import OBAMA_PROBE
from tests.faces.support import STRANGER
from tests.faces.support import no_face_jpeg
from tests.faces.support import photo
from tests.faces.support import search_embedding
from tests.faces.support import sighting_event
from tests.faces.support import use_cached_pipelines

PERSONS = "/api/v1/watchlists/persons"
PURPOSE = {"purpose": "locate missing person, case 17"}
SUBJECT = {
    "id": "obama",
    "name": "Barack Obama",
    "category": "missing",
    "case_ref": "MP-17",
    "legal_authority": "missing-person report 17/2024",
    "reason": "reported missing by family",
}


@pytest.fixture
def api(client: TestClient) -> TestClient:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    use_cached_pipelines(face_watchlist(services))
    for user in ("supervisor", "investigator", "operator", "admin"):  # before any bus traffic starts
        auth(client, user)
    return client


def enrol(client: TestClient, subject_id: str, image: bytes, name: str = "photo.jpg") -> Any:
    return client.post(
        f"{PERSONS}/{subject_id}/images",
        files={"file": (name, image, "image/jpeg")},
        headers=auth(client, "supervisor"),
    )


def search(client: TestClient, image: bytes, user: str = "investigator", **params: object) -> Any:
    return client.post(
        "/api/v1/faces/search",
        params={**PURPOSE, **params},
        files={"file": ("probe.jpg", image, "image/jpeg")},
        headers=auth(client, user),
    )


def test_enrol_then_identify_and_investigate(api: TestClient) -> None:
    manager = auth(api, "supervisor")
    assert api.post(PERSONS, json=SUBJECT, headers=manager).status_code == 201
    assert (
        api.post(PERSONS, json={**SUBJECT, "id": "biden", "name": "Joe Biden"}, headers=manager).status_code
        == 201
    )
    assert enrol(api, "obama", photo(OBAMA)).status_code == 201
    assert enrol(api, "biden", photo(BIDEN)).status_code == 201

    listed = api.get(PERSONS, headers=auth(api, "investigator")).json()
    assert [(s["id"], s["vectors"], len(s["images"])) for s in listed] == [("obama", 1, 1), ("biden", 1, 1)]

    found = search(api, photo(OBAMA_PROBE)).json()
    [face] = found["faces"]
    assert face["candidates"][0]["subject"] == "obama"
    assert face["candidates"][0]["score"] > 0.5
    assert search(api, photo(STRANGER)).json()["faces"][0]["candidates"] == []
    ranked = search(api, photo(STRANGER), mode="investigation", k=5).json()["faces"][0]["candidates"]
    assert [c["subject"] for c in ranked] in (["obama", "biden"], ["biden", "obama"])


def test_an_image_without_a_face_is_refused_with_the_reason(api: TestClient) -> None:
    api.post(PERSONS, json=SUBJECT, headers=auth(api, "supervisor"))
    response = enrol(api, "obama", no_face_jpeg())
    assert response.status_code == 422
    assert "no face found" in response.json()["detail"][0]["msg"]


def test_deleting_a_subject_stops_it_being_found(api: TestClient) -> None:
    manager = auth(api, "supervisor")
    api.post(PERSONS, json=SUBJECT, headers=manager)
    enrol(api, "obama", photo(OBAMA))
    assert api.delete(f"{PERSONS}/obama", headers=manager).status_code == 204
    assert api.get(f"{PERSONS}/obama", headers=manager).status_code == 404
    assert search(api, photo(OBAMA_PROBE), mode="investigation").json()["faces"][0]["candidates"] == []


def test_searches_need_a_purpose_and_the_permission(api: TestClient) -> None:
    files = {"file": ("probe.jpg", photo(OBAMA_PROBE), "image/jpeg")}
    response = api.post("/api/v1/faces/search", files=files, headers=auth(api, "investigator"))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "purpose"]
    assert search(api, photo(OBAMA_PROBE), user="operator").status_code == 403
    assert api.get(PERSONS, headers=auth(api, "operator")).status_code == 403
    assert api.post(PERSONS, json=SUBJECT, headers=auth(api, "investigator")).status_code == 403


def test_subjects_need_a_lawful_basis(api: TestClient) -> None:
    body = {k: v for k, v in SUBJECT.items() if k != "legal_authority"}
    response = api.post(PERSONS, json=body, headers=auth(api, "supervisor"))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "legal_authority"]


def live_candidate(api: TestClient) -> int:
    manager = auth(api, "supervisor")
    api.post(PERSONS, json=SUBJECT, headers=manager)
    enrol(api, "obama", photo(OBAMA))
    services: Services = api.app.state.services  # type: ignore[attr-defined]
    [event] = SightingConsumer(face_watchlist(services), services.bus).apply(
        sighting_event(search_embedding(OBAMA_PROBE))
    )
    assert isinstance(event, FaceCandidateEvent)
    return event.candidate_id


def decide(api: TestClient, candidate_id: int, user: str, decision: str) -> Any:
    return api.post(
        f"/api/v1/faces/candidates/{candidate_id}/decisions",
        params={"purpose": "watchlist alert review"},
        json={"decision": decision, "note": f"{user} says {decision}"},
        headers=auth(api, user),
    )


def test_two_person_confirmation_over_http(api: TestClient) -> None:
    candidate_id = live_candidate(api)
    assert decide(api, candidate_id, "investigator", "confirm").status_code == 403  # lacks faces.confirm
    assert decide(api, candidate_id, "operator", "confirm").json()["status"] == "pending"
    assert decide(api, candidate_id, "operator", "confirm").status_code == 409  # the same person twice
    confirmed = decide(api, candidate_id, "supervisor", "confirm").json()
    assert confirmed["status"] == "confirmed"
    assert [d["username"] for d in confirmed["decisions"]] == ["operator", "supervisor"]

    view = api.get(
        f"/api/v1/faces/candidates/{candidate_id}", params=PURPOSE, headers=auth(api, "operator")
    ).json()
    assert view["probe_sha256"]
    assert view["enrolled_sha256"]
    assert (
        api.get(f"/api/v1/faces/candidates/{candidate_id}", headers=auth(api, "operator")).status_code == 422
    )


def test_one_reject_rejects_the_candidate(api: TestClient) -> None:
    candidate_id = live_candidate(api)
    assert decide(api, candidate_id, "operator", "confirm").status_code == 200
    assert decide(api, candidate_id, "supervisor", "reject").json()["status"] == "rejected"
    assert decide(api, candidate_id, "admin", "confirm").status_code == 409
    listed = api.get(
        "/api/v1/faces/candidates", params={**PURPOSE, "status": "rejected"}, headers=auth(api, "admin")
    )
    assert [c["id"] for c in listed.json()] == [candidate_id]
