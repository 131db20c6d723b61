"""A record's photos feed the face watchlist and its vehicles the persons-of-interest hotlist; the links are
queryable both ways."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.faces.support import OBAMA
from tests.faces.support import no_face_jpeg
from tests.faces.support import photo
from tests.poi.conftest import add_photo
from tests.poi.conftest import create
from tests.poi.conftest import headers


def test_a_photo_enrols_the_person_on_the_face_watchlist(api: TestClient) -> None:
    person = create(api)
    added = add_photo(api, person["id"], photo(OBAMA))
    assert added.status_code == 201, added.text

    record = api.get(f"/api/v1/persons/{person['id']}", headers=headers(api)).json()
    assert record["face_subject_id"] == f"poi-{person['id']}"
    subject = api.get(f"/api/v1/watchlists/persons/{record['face_subject_id']}", headers=headers(api)).json()
    assert (subject["name"], subject["category"], subject["vectors"]) == ("Imran Khan", "wanted", 1)
    assert subject["case_ref"] == "FIR 123/2026 Model Town"
    assert [image["id"] for image in subject["images"]] == [added.json()["face_image_id"]]

    by_subject = api.get("/api/v1/persons", params={"face_subject_id": subject["id"]}, headers=headers(api))
    assert [p["id"] for p in by_subject.json()["persons"]] == [person["id"]]

    removed = api.delete(f"/api/v1/persons/{person['id']}/photos/{added.json()['id']}", headers=headers(api))
    assert removed.status_code == 204
    subject = api.get(f"/api/v1/watchlists/persons/{record['face_subject_id']}", headers=headers(api)).json()
    assert (subject["vectors"], subject["images"]) == (0, [])


def test_a_photo_without_a_face_is_a_422_naming_photo(api: TestClient) -> None:
    person = create(api)
    refused = add_photo(api, person["id"], no_face_jpeg())
    assert refused.status_code == 422, refused.text
    [problem] = refused.json()["detail"]
    assert problem["loc"] == ["body", "photo"]
    assert "face" in problem["msg"]
    record = api.get(f"/api/v1/persons/{person['id']}", headers=headers(api)).json()
    assert record["photos"] == []


def test_a_vehicle_is_listed_on_the_persons_of_interest_hotlist(client: TestClient) -> None:
    person = create(client)
    body = {"plate": "LEA-1234", "make": "Toyota Corolla", "colour": "white", "note": "tinted windows"}
    added = client.post(f"/api/v1/persons/{person['id']}/vehicles", json=body, headers=headers(client))
    assert added.status_code == 201, added.text
    entry_id = added.json()["hotlist_entry_id"]

    [hotlist] = client.get("/api/v1/hotlists", headers=headers(client)).json()
    assert (hotlist["name"], hotlist["kind"], hotlist["entries"]) == ("Persons of interest", "wanted", 1)
    [entry] = client.get(f"/api/v1/hotlists/{hotlist['id']}/entries", headers=headers(client)).json()
    assert entry["id"] == entry_id
    assert (entry["plate"], entry["vehicle"], entry["case_ref"]) == (
        "LEA-1234",
        "white Toyota Corolla",
        "FIR 123/2026 Model Town",
    )
    assert entry["reason"] == f"Proclaimed offender Imran Khan (person of interest #{person['id']})"
    assert entry["expires_at"].startswith(person["review_date"][:4])  # ends with the record's review

    by_entry = client.get("/api/v1/persons", params={"hotlist_entry_id": entry_id}, headers=headers(client))
    assert [p["id"] for p in by_entry.json()["persons"]] == [person["id"]]

    again = client.post(f"/api/v1/persons/{person['id']}/vehicles", json=body, headers=headers(client))
    assert again.status_code == 409
    vehicle_id = added.json()["id"]
    removed = client.delete(f"/api/v1/persons/{person['id']}/vehicles/{vehicle_id}", headers=headers(client))
    assert removed.status_code == 204
    assert client.get(f"/api/v1/hotlists/{hotlist['id']}/entries", headers=headers(client)).json() == []


def test_a_renamed_record_renames_its_watchlist_entries(client: TestClient) -> None:
    person = create(client)
    client.post(
        f"/api/v1/persons/{person['id']}/vehicles", json={"plate": "LEA-1234"}, headers=headers(client)
    )
    change = {"name": "Imran Ahmed Khan", "status": "wanted", "reason": "name as on the NADRA record"}
    assert (
        client.patch(f"/api/v1/persons/{person['id']}", json=change, headers=headers(client)).status_code
        == 200
    )
    [hotlist] = client.get("/api/v1/hotlists", headers=headers(client)).json()
    [entry] = client.get(f"/api/v1/hotlists/{hotlist['id']}/entries", headers=headers(client)).json()
    assert entry["reason"] == f"Wanted Imran Ahmed Khan (person of interest #{person['id']})"
