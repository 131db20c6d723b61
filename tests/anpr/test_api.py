"""`/api/v1/plates`: purpose-bound, audited plate search and trajectories."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from safecity.anpr.service import store_read
from safecity.core.audit.models import AuditEntry
from safecity.core.http.services import Services
from tests.anpr.conftest import plate_read
from tests.api.conftest import auth

PURPOSE = {"purpose": "investigating a stolen car report", "case_ref": "FIR-77"}


def seed(client: TestClient) -> None:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    with services.database.session() as session:
        for event in [
            plate_read("LEB-06-5700", "cam-1", 0, crop="aa" * 32),
            plate_read("LEB-06-5700", "cam-2", 30),
            plate_read("LE8-06-57OO", "cam-3", 45),
            plate_read("RIA-12-9133", "cam-1", 10),
        ]:
            store_read(session, event, (31.5, 74.3) if event.camera_id == "cam-2" else None)


def last_audit(client: TestClient) -> AuditEntry:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    with services.database.session() as session:
        return session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()


def test_search_requires_a_purpose_and_is_audited(client: TestClient) -> None:
    seed(client)
    headers = auth(client, "investigator")

    missing = client.get("/api/v1/plates/reads", params={"plate": "LEB*"}, headers=headers)
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["query", "purpose"]

    response = client.get("/api/v1/plates/reads", params={"plate": "LE?-06-570*", **PURPOSE}, headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert [read["camera_id"] for read in body["reads"]] == ["cam-2", "cam-1"]
    assert body["reads"][1]["crop_sha256"] == "aa" * 32
    entry = last_audit(client)
    assert (entry.actor, entry.action, entry.purpose, entry.case_ref) == (
        "investigator",
        "plate.search",
        PURPOSE["purpose"],
        "FIR-77",
    )
    assert "LE?-06-570*" in entry.details


def test_fuzzy_search_and_camera_filter(client: TestClient) -> None:
    seed(client)
    headers = auth(client, "traffic_officer")
    params = {"plate": "LEB-06-5700", "fuzzy": "true", **PURPOSE}
    fuzzy = client.get("/api/v1/plates/reads", params=params, headers=headers).json()
    assert [read["text"] for read in fuzzy["reads"]] == ["LEB-06-5700", "LEB-06-5700", "LE8-06-57OO"]
    by_camera = client.get("/api/v1/plates/reads", params={"camera_id": "cam-1", **PURPOSE}, headers=headers)
    assert [read["text"] for read in by_camera.json()["reads"]] == ["RIA-12-9133", "LEB-06-5700"]


def test_trajectory_is_ordered_with_coordinates(client: TestClient) -> None:
    seed(client)
    response = client.get(
        "/api/v1/plates/trajectory",
        params={"plate": "LEB-06-5700", **PURPOSE},
        headers=auth(client, "supervisor"),
    )
    assert response.status_code == 200, response.text
    sightings = response.json()["sightings"]
    assert [(s["camera_id"], s["latitude"], s["longitude"]) for s in sightings] == [
        ("cam-1", None, None),
        ("cam-2", 31.5, 74.3),
    ]
    assert last_audit(client).action == "plate.trajectory"


def test_bad_input_names_the_field_and_roles_without_permission_are_refused(client: TestClient) -> None:
    headers = auth(client, "investigator")
    bad_plate = client.get("/api/v1/plates/reads", params={"plate": "LEB%5700", **PURPOSE}, headers=headers)
    assert bad_plate.status_code == 422
    assert bad_plate.json()["detail"][0]["loc"] == ["query", "plate"]
    bad_time = client.get("/api/v1/plates/reads", params={"since": "yesterday", **PURPOSE}, headers=headers)
    assert bad_time.json()["detail"][0]["loc"] == ["query", "since"]
    no_plate = client.get("/api/v1/plates/trajectory", params=PURPOSE, headers=headers)
    assert no_plate.json()["detail"][0]["loc"] == ["query", "plate"]
    operator = client.get("/api/v1/plates/reads", params=PURPOSE, headers=auth(client, "operator"))
    assert operator.status_code == 403


def test_plate_key_answers_what_a_hotlist_would_store(client: TestClient) -> None:
    headers = auth(client, "supervisor")
    answer = client.get("/api/v1/plates/key", params={"plate": " leb-06-5700 "}, headers=headers)
    assert answer.status_code == 200
    assert answer.json() == {"plate": "LEB-06-5700", "key": "LEB5700", "year": "06"}
    assert client.get("/api/v1/plates/key", params={"plate": "LEB 5700"}, headers=headers).json() == {
        "plate": "LEB 5700",
        "key": "LEB5700",
        "year": None,
    }

    for typed, problem in [("LEB*", "wildcards"), ("--", "at least one letter or digit")]:
        refused = client.get("/api/v1/plates/key", params={"plate": typed}, headers=headers)
        assert refused.status_code == 422
        detail = refused.json()["detail"][0]
        assert detail["loc"] == ["query", "plate"]
        assert problem in detail["msg"]
    too_long = client.get("/api/v1/plates/key", params={"plate": "A" * 33}, headers=headers)
    assert too_long.status_code == 422
    assert client.get("/api/v1/plates/key", params={"plate": ""}, headers=headers).status_code == 422

    # The hotlist form's rules, so the role that edits hotlists may ask; others may not.
    traffic = auth(client, "traffic_officer")
    assert client.get("/api/v1/plates/key", params={"plate": "LEB5700"}, headers=traffic).status_code == 403
