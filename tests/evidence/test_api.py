"""The evidence, holds, retention and access-review API: permissions, purposes, custody, signed downloads."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from safecity.evidence.bundle import verify_bundle
from tests.api.conftest import auth

PURPOSE = {"purpose": "robbery investigation", "case_ref": "CASE-42"}


def _case_and_item(client: TestClient, headers: dict[str, str]) -> tuple[int, int]:
    case = client.post(
        "/api/v1/evidence/cases", json={"reference": "CASE-42", "title": "Robbery"}, headers=headers
    )
    assert case.status_code == 201, case.text
    item = client.post(
        "/api/v1/evidence/items",
        data={"kind": "document", "case_id": str(case.json()["id"]), "camera_id": "cam-3"},
        files={"file": ("statement.txt", b"I saw a red car", "text/plain")},
        headers=headers,
    )
    assert item.status_code == 201, item.text
    return case.json()["id"], item.json()["id"]


def test_viewing_an_item_needs_a_purpose_and_is_logged_in_custody(client: TestClient) -> None:
    headers = auth(client, "investigator")
    _, item_id = _case_and_item(client, headers)
    missing = client.get(f"/api/v1/evidence/items/{item_id}", headers=headers)
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["query", "purpose"]
    viewed = client.get(f"/api/v1/evidence/items/{item_id}", params=PURPOSE, headers=headers)
    assert viewed.status_code == 200
    content = client.get(f"/api/v1/evidence/items/{item_id}/content", params=PURPOSE, headers=headers)
    assert content.content == b"I saw a red car"
    custody = client.get(f"/api/v1/evidence/items/{item_id}/custody", headers=headers).json()
    assert custody["intact"] is True
    assert [e["action"] for e in custody["entries"]] == ["collected", "viewed", "viewed"]
    assert custody["entries"][1]["purpose"] == "robbery investigation"
    assert custody["entries"][1]["case_ref"] == "CASE-42"


def test_export_downloads_a_bundle_that_verifies_offline(client: TestClient, tmp_path: Path) -> None:
    headers = auth(client, "investigator")
    _, item_id = _case_and_item(client, headers)
    response = client.post(
        "/api/v1/evidence/exports", params=PURPOSE, json={"item_ids": [item_id]}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    bundle = tmp_path / "bundle.zip"
    bundle.write_bytes(response.content)
    key = client.get("/api/v1/evidence/signing-key", headers=headers).json()
    assert response.headers["x-safecity-key-fingerprint"] == key["fingerprint"]
    report = verify_bundle(bundle, pinned_fingerprint=key["fingerprint"])
    assert report.ok, report.problems


def test_bad_input_is_422_naming_the_field(client: TestClient) -> None:
    headers = auth(client, "investigator")
    bad_kind = client.post(
        "/api/v1/evidence/items", data={"kind": "rumour", "media_sha256": "0" * 64}, headers=headers
    )
    assert bad_kind.status_code == 422
    assert bad_kind.json()["detail"][0]["loc"] == ["body", "kind"]
    unknown = client.post(
        "/api/v1/evidence/items", data={"kind": "snapshot", "media_sha256": "a" * 64}, headers=headers
    )
    assert unknown.json()["detail"][0]["loc"] == ["body", "media_sha256"]
    export = client.post(
        "/api/v1/evidence/exports", params=PURPOSE, json={"item_ids": [999]}, headers=headers
    )
    assert export.status_code == 422
    assert export.json()["detail"][0]["loc"] == ["body", "item_ids"]
    hold = client.post("/api/v1/holds", json={"scope": "case", "reason": "court order"}, headers=headers)
    assert hold.json()["detail"][0]["loc"] == ["body", "case_id"]


def test_permissions_follow_the_roles(client: TestClient) -> None:
    operator = auth(client, "operator")
    assert client.get("/api/v1/evidence/cases", headers=operator).status_code == 403
    supervisor = auth(client, "supervisor")
    _, item_id = _case_and_item(client, supervisor)
    # Supervisors manage evidence but may not export it; only admins run retention.
    forbidden = client.post(
        "/api/v1/evidence/exports", params=PURPOSE, json={"item_ids": [item_id]}, headers=supervisor
    )
    assert forbidden.status_code == 403
    assert client.get("/api/v1/retention/report", headers=supervisor).status_code == 403
    assert client.get("/api/v1/retention/report", headers=auth(client, "admin")).status_code == 200


def test_holds_and_the_retention_report(client: TestClient) -> None:
    headers = auth(client, "investigator")
    case_id, item_id = _case_and_item(client, headers)
    placed = client.post(
        "/api/v1/holds",
        json={"scope": "camera", "camera_id": "cam-3", "reason": "court order 17/2026"},
        headers=headers,
    )
    assert placed.status_code == 201, placed.text
    assert [h["id"] for h in client.get("/api/v1/holds", headers=headers).json()] == [placed.json()["id"]]
    released = client.post(f"/api/v1/holds/{placed.json()['id']}/release", headers=headers)
    assert released.json()["released_by"] == "investigator"
    assert client.get("/api/v1/holds", headers=headers).json() == []
    report = client.get("/api/v1/retention/report", headers=auth(client, "admin")).json()
    assert report["dry_run"] is True
    counts = {c["name"]: c["count"] for c in report["classes"]}
    assert counts["evidence"] == 0
    assert counts["recordings"] == 0
    closed = client.patch(f"/api/v1/evidence/cases/{case_id}", json={"status": "closed"}, headers=headers)
    assert closed.json()["status"] == "closed"
    custody = client.get(f"/api/v1/evidence/items/{item_id}/custody", headers=headers).json()
    assert [e["action"] for e in custody["entries"]] == ["collected"] + ["retention_changed"] * 3


def test_auditor_reviews_personal_data_access_and_sees_unusual_volume(client: TestClient) -> None:
    headers = auth(client, "investigator")
    _, item_id = _case_and_item(client, headers)
    for _ in range(4):
        client.get(f"/api/v1/evidence/items/{item_id}", params=PURPOSE, headers=headers)
    auditor = auth(client, "auditor")
    review = client.get("/api/v1/audit/access-review", params={"ceiling": 3}, headers=auditor)
    assert review.status_code == 200
    [user] = review.json()
    assert user["actor"] == "investigator"
    assert user["total"] == 4
    assert user["actions"] == {"evidence.view": 4}
    assert user["flagged"] is True
    assert "above the ceiling of 3" in user["flags"][0]["reason"]
    assert client.get("/api/v1/audit/access-review", headers=headers).status_code == 403
