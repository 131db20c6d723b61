"""The register's API: create, read (masked, purpose-bound), change with a reason, vehicles, links, 422s."""

from __future__ import annotations

from datetime import date
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from tests.poi.conftest import CNIC
from tests.poi.conftest import create
from tests.poi.conftest import headers
from tests.poi.conftest import record


def test_a_record_round_trips_with_its_cnic_masked(client: TestClient) -> None:
    created = create(client)
    assert created["cnic_masked"] == "35202-*******-1"
    assert "cnic" not in created
    assert created["status_label"] == "Proclaimed offender"
    assert created["aliases"] == ["Imran Butt", "IK"]
    assert created["firs"] == [{"number": "123/2026", "police_station": "Model Town"}]
    assert (created["on_watchlists"], created["review_due"]) == (True, False)

    read = client.get(f"/api/v1/persons/{created['id']}", headers=headers(client, "operator"))
    assert read.status_code == 200, read.text
    assert read.json()["cnic_masked"] == "35202-*******-1"
    assert CNIC not in read.text
    assert "3520212345671" not in read.text


def test_reading_records_needs_a_purpose(client: TestClient) -> None:
    created = create(client)
    for path in (
        "/api/v1/persons",
        f"/api/v1/persons/{created['id']}",
        f"/api/v1/persons/{created['id']}/timeline",
    ):
        response = client.get(path, headers=headers(client, purpose=False))
        assert response.status_code == 422, path
        assert response.json()["detail"][0]["loc"] == ["query", "purpose"]


def test_the_list_filters_by_name_or_alias_status_station_and_vehicle(client: TestClient) -> None:
    imran = create(client)
    create(client, name="Sana Bibi", aliases=[], status="missing", cnic=None, firs=[])
    client.post(
        f"/api/v1/persons/{imran['id']}/vehicles", json={"plate": "LEA-1234"}, headers=headers(client)
    )

    def names(**query: str) -> list[str]:
        response = client.get("/api/v1/persons", params=query, headers=headers(client))
        assert response.status_code == 200, response.text
        return [person["name"] for person in response.json()["persons"]]

    assert names(q="butt") == ["Imran Khan"]
    assert names(status="missing") == ["Sana Bibi"]
    assert names(station="model town") == ["Imran Khan"]
    assert names(has_vehicle="true") == ["Imran Khan"]
    assert names(has_vehicle="false") == ["Sana Bibi"]
    assert names(review_due="true") == []
    page = client.get("/api/v1/persons", params={"limit": 1}, headers=headers(client)).json()
    assert (len(page["persons"]), page["total"]) == (1, 2)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"cnic": "35202-123456-1"}, "cnic"),
        ({"cnic": "3520212345671x"}, "cnic"),
        ({"status": "absconder"}, "status"),
        ({"legal_basis_expires": (date.today() - timedelta(days=1)).isoformat()}, "legal_basis_expires"),
        ({"review_date": (date.today() - timedelta(days=1)).isoformat()}, "review_date"),
        ({"legal_basis": "  "}, "legal_basis"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(client: TestClient, changes: dict[str, str], field: str) -> None:
    response = client.post("/api/v1/persons", json=record(**changes), headers=headers(client))
    assert response.status_code == 422, response.text
    assert field in response.json()["detail"][0]["loc"]


def test_a_change_needs_a_reason_and_is_kept_with_before_and_after(client: TestClient) -> None:
    created = create(client)
    path = f"/api/v1/persons/{created['id']}"
    no_reason = client.patch(path, json={"status": "wanted"}, headers=headers(client))
    assert no_reason.status_code == 422
    assert no_reason.json()["detail"][0]["loc"] == ["body", "reason"]

    body = {"status": "wanted", "notes": "seen in Shahdara", "reason": "court order amended 2026-11-30"}
    changed = client.patch(path, json=body, headers=headers(client))
    assert changed.status_code == 200, changed.text
    assert changed.json()["status"] == "wanted"

    entries = client.get(f"{path}/timeline", headers=headers(client)).json()["entries"]
    change = next(e for e in entries if e["details"].get("action") == "person.update")
    assert change["title"] == "Record changed: court order amended 2026-11-30"
    assert change["details"]["actor"] == "supervisor"
    assert change["details"]["before"] == {"status": "proclaimed_offender", "notes": ""}
    assert change["details"]["after"] == {"status": "wanted", "notes": "seen in Shahdara"}


def test_changing_records_needs_the_manage_permission(client: TestClient) -> None:
    response = client.post("/api/v1/persons", json=record(), headers=headers(client, "operator"))
    assert response.status_code == 403


def test_moving_the_review_dates_is_a_review_for_a_supervisor(client: TestClient) -> None:
    created = create(client)
    path = f"/api/v1/persons/{created['id']}"
    later = {"review_date": "2099-01-31", "reason": "extend the watch"}
    assert client.patch(path, json=later, headers=headers(client, "investigator")).status_code == 403
    notes = {"notes": "uses a second phone", "father_name": None, "reason": "informant, 2026-12-01"}
    changed = client.patch(path, json=notes, headers=headers(client, "investigator"))
    assert changed.status_code == 200, changed.text
    assert (changed.json()["notes"], changed.json()["father_name"]) == ("uses a second phone", "")
    assert client.patch(path, json=later, headers=headers(client)).json()["review_date"] == "2099-01-31"


def test_links_name_existing_incidents_and_cases_only(client: TestClient) -> None:
    created = create(client)
    path = f"/api/v1/persons/{created['id']}/links"
    unknown = client.post(path, json={"kind": "case", "ref": "FIR 999/2026"}, headers=headers(client))
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["body", "ref"]
    wrong_kind = client.post(path, json={"kind": "arrest", "ref": "1"}, headers=headers(client))
    assert wrong_kind.status_code == 422
    assert "kind" in wrong_kind.json()["detail"][0]["loc"]
