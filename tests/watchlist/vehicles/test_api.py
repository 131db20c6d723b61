"""`/api/v1/hotlists`: CRUD and CSV import over HTTP, with permissions."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import auth


def create_list(client: TestClient, headers: dict[str, str]) -> int:
    body = {"name": "stolen", "kind": "stolen", "edit_budget": 1.0}
    response = client.post("/api/v1/hotlists", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def test_manage_a_hotlist_and_its_entries(client: TestClient) -> None:
    manager = auth(client, "supervisor")
    hotlist_id = create_list(client, manager)
    assert (
        client.post(
            "/api/v1/hotlists", json={"name": "stolen", "kind": "stolen"}, headers=manager
        ).status_code
        == 409
    )

    entry = {"plate": "LEB-06-5700", "reason": "stolen", "case_ref": "FIR-1", "expires_at": "2030-01-31"}
    created = client.post(f"/api/v1/hotlists/{hotlist_id}/entries", json=entry, headers=manager)
    assert created.status_code == 201, created.text
    assert created.json()["expires_at"].startswith("2030-02-01T00:00:00")
    again = client.post(
        f"/api/v1/hotlists/{hotlist_id}/entries", json={**entry, "reason": "armed"}, headers=manager
    )
    assert (again.status_code, again.json()["id"]) == (200, created.json()["id"])

    entry_id = created.json()["id"]
    patched = client.patch(
        f"/api/v1/hotlists/{hotlist_id}/entries/{entry_id}",
        json={"vehicle": "white Corolla"},
        headers=manager,
    )
    assert patched.json()["vehicle"] == "white Corolla"
    reader = auth(client, "investigator")
    [listed] = client.get("/api/v1/hotlists", headers=reader).json()
    assert (listed["name"], listed["entries"]) == ("stolen", 1)
    entries = client.get(f"/api/v1/hotlists/{hotlist_id}/entries", headers=reader).json()
    assert [(e["plate"], e["reason"], e["expired"]) for e in entries] == [("LEB-06-5700", "armed", False)]

    assert (
        client.delete(f"/api/v1/hotlists/{hotlist_id}/entries/{entry_id}", headers=manager).status_code == 204
    )
    assert client.delete(f"/api/v1/hotlists/{hotlist_id}", headers=manager).status_code == 204
    assert client.get(f"/api/v1/hotlists/{hotlist_id}", headers=reader).status_code == 404


def test_permissions_and_field_errors(client: TestClient) -> None:
    assert (
        client.post(
            "/api/v1/hotlists", json={"name": "x", "kind": "stolen"}, headers=auth(client, "investigator")
        ).status_code
        == 403
    )
    assert client.get("/api/v1/hotlists", headers=auth(client, "operator")).status_code == 403
    manager = auth(client, "supervisor")
    bad = client.post(
        "/api/v1/hotlists", json={"name": "x", "kind": "stolen", "edit_budget": 5}, headers=manager
    )
    assert (bad.status_code, bad.json()["detail"][0]["loc"]) == (422, ["body", "edit_budget"])
    hotlist_id = create_list(client, manager)
    bad_plate = client.post(
        f"/api/v1/hotlists/{hotlist_id}/entries", json={"plate": "LEB*", "reason": "x"}, headers=manager
    )
    assert (bad_plate.status_code, bad_plate.json()["detail"][0]["loc"]) == (422, ["body", "plate"])


def test_csv_import_reports_bad_rows_by_line(client: TestClient) -> None:
    manager = auth(client, "supervisor")
    hotlist_id = create_list(client, manager)
    csv = "plate,reason,case_ref\nLEB-06-5700,stolen,FIR-1\n,missing plate,FIR-2\nRIA-9133,wanted,FIR-3\n"
    response = client.post(
        f"/api/v1/hotlists/{hotlist_id}/import",
        files={"file": ("list.csv", csv, "text/csv")},
        headers=manager,
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["created"], report["updated"], report["failed"]) == (2, 0, 1)
    assert report["errors"][0]["line"] == 3
    no_header = client.post(
        f"/api/v1/hotlists/{hotlist_id}/import",
        files={"file": ("x.csv", "a,b\n1,2\n", "text/csv")},
        headers=manager,
    )
    assert (no_header.status_code, no_header.json()["detail"][0]["loc"]) == (422, ["body", "file"])
