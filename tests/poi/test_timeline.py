"""The timeline merges the record's history with what other domains know of the person, oldest first; a
supervisor's renewal over HTTP brings a lapsed record back."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.anpr.conftest import plate_read
from tests.poi.conftest import create
from tests.poi.conftest import headers
from tests.poi.support import eventually
from tests.poi.support import publish


def test_the_timeline_holds_changes_reads_hits_incidents_and_cases_in_time_order(client: TestClient) -> None:
    person = create(client)
    path = f"/api/v1/persons/{person['id']}"
    client.post(f"{path}/vehicles", json={"plate": "LEA-1234"}, headers=headers(client))
    incident = client.post("/api/v1/incidents", json={"type": "robbery"}, headers=headers(client))
    assert incident.status_code == 201, incident.text
    case = client.post(
        "/api/v1/evidence/cases",
        json={"reference": "FIR 123/2026", "title": "Robbery"},
        headers=headers(client),
    )
    assert case.status_code == 201, case.text
    for link in (
        {"kind": "incident", "ref": str(incident.json()["id"])},
        {"kind": "case", "ref": "FIR 123/2026"},
    ):
        assert client.post(f"{path}/links", json=link, headers=headers(client)).status_code == 201
    publish(client, plate_read("LEA-1234", camera_id="cam-3"))

    def entries() -> list[dict[str, object]]:
        found: list[dict[str, object]] = client.get(f"{path}/timeline", headers=headers(client)).json()[
            "entries"
        ]
        return found

    def read_and_hit(found: list[dict[str, object]]) -> bool:
        return {"plate_read", "hotlist_hit"} <= {entry["kind"] for entry in found}

    timeline = eventually(entries, read_and_hit, "the plate read and its hotlist hit")
    kinds = [entry["kind"] for entry in timeline]
    assert {"change", "plate_read", "hotlist_hit", "incident", "case"} <= set(kinds)
    assert [entry["at"] for entry in timeline] == sorted(str(entry["at"]) for entry in timeline)
    assert kinds[:2] == ["plate_read", "hotlist_hit"]  # the read happened at T0, months before the record
    case_entry = next(entry for entry in timeline if entry["kind"] == "case")
    assert (case_entry["ref"], case_entry["title"]) == ("FIR 123/2026", "Case FIR 123/2026: Robbery (open)")
    actions = [entry["details"]["action"] for entry in timeline if entry["kind"] == "change"]  # type: ignore[index]
    assert actions == ["person.create", "person.vehicle.add", "person.link.add", "person.link.add"]


def test_renewing_needs_a_supervisor_a_reason_and_new_dates(client: TestClient) -> None:
    person = create(client)
    path = f"/api/v1/persons/{person['id']}/renew"
    body = {"reason": "reviewed: court order stands", "review_date": "2099-01-31"}
    assert client.post(path, json=body, headers=headers(client, "investigator")).status_code == 403
    no_reason = client.post(path, json={"review_date": "2099-01-31"}, headers=headers(client))
    assert no_reason.status_code == 422
    renewed = client.post(path, json=body, headers=headers(client))
    assert renewed.status_code == 200, renewed.text
    assert (renewed.json()["review_date"], renewed.json()["on_watchlists"]) == ("2099-01-31", True)
    assert renewed.json()["legal_basis_expires"] == person["legal_basis_expires"]  # left out: kept
