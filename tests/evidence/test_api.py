"""The evidence, holds, retention and access-review API: permissions, purposes, custody, signed downloads."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from fastapi.testclient import TestClient

from safecity.config import Settings
from safecity.core.audit import actors
from safecity.evidence.bundle import verify_bundle
from safecity.evidence.mediafiles import encode_image
from tests.api.conftest import auth
from tests.evidence.conftest import street_with_a_plate

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


def test_export_downloads_a_bundle_that_verifies_offline_and_anchors_the_logs(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
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
    # The export anchored both logs: the audit log up to its own entry, the chain up to `exported`.
    audit = client.get("/api/v1/audit/verify", headers=auth(client, "auditor")).json()
    assert audit["ok"], audit["problems"]
    assert audit["checkpoints"] >= 1
    custody_lines = (settings.data_dir / "checkpoints" / "custody.jsonl").read_text().splitlines()
    assert json.loads(custody_lines[-1])["state"]["items"][str(item_id)][0] == 2  # collected, exported


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
    released = client.post(
        f"/api/v1/holds/{placed.json()['id']}/release", json={"reason": "case closed"}, headers=headers
    )
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


def _noise_png(width: int = 320, height: int = 240) -> bytes:
    image = np.random.default_rng(3).integers(0, 256, (height, width, 3), dtype=np.uint8)
    return encode_image(image, ".png")


def _variance(data: bytes, box: list[int]) -> float:
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    x1, y1, x2, y2 = box
    return float(image[y1:y2, x1:x2].reshape(-1, 3).astype(np.float64).var(axis=0).mean())


def test_drawn_regions_are_blurred_and_shown_to_the_court(client: TestClient) -> None:
    headers = auth(client, "investigator")
    case_id, document_id = _case_and_item(client, headers)
    picture = client.post(
        "/api/v1/evidence/items",
        data={"kind": "snapshot", "case_id": str(case_id)},
        files={"file": ("scene.png", _noise_png(), "image/png")},
        headers=headers,
    ).json()
    url = f"/api/v1/evidence/items/{picture['id']}/redactions"
    plate, screen = [215, 170, 265, 184], [10, 10, 70, 50]
    made = client.post(url, json={"purpose": "appeal", "regions": [plate, screen]}, headers=headers)
    assert made.status_code == 201, made.text
    derivative = made.json()
    assert derivative["original_id"] == picture["id"]
    assert derivative["description"] == f"faces and 2 drawn region(s) redacted from item {picture['id']}"
    before = client.get(f"/api/v1/evidence/items/{picture['id']}/content", params=PURPOSE, headers=headers)
    after = client.get(f"/api/v1/evidence/items/{derivative['id']}/content", params=PURPOSE, headers=headers)
    for box in (plate, screen):
        assert _variance(after.content, box) < 0.2 * _variance(before.content, box)
    assert _variance(after.content, [100, 60, 200, 150]) == _variance(before.content, [100, 60, 200, 150])
    copy = client.get(f"/api/v1/evidence/items/{derivative['id']}/custody", headers=headers).json()
    assert json.loads(copy["entries"][0]["details"])["drawn_regions"] == [plate, screen]
    original = client.get(f"/api/v1/evidence/items/{picture['id']}/custody", headers=headers).json()
    redacted = next(e for e in original["entries"] if e["action"] == "redacted")
    assert json.loads(redacted["details"])["drawn_regions"] == [plate, screen]
    audit = client.get(
        "/api/v1/audit", params={"action": "evidence.redact"}, headers=auth(client, "auditor")
    ).json()
    assert json.loads(audit[0]["details"])["drawn_regions"] == [plate, screen]

    def refused(body: dict[str, object], item_id: int = picture["id"]) -> dict[str, object]:
        response = client.post(f"/api/v1/evidence/items/{item_id}/redactions", json=body, headers=headers)
        assert response.status_code == 422, response.text
        return dict(response.json()["detail"][0])

    outside = refused({"regions": [plate, [300, 10, 321, 40]]})
    assert outside["loc"] == ["body", "regions"]
    assert "region 2 [300, 10, 321, 40] reaches outside the 320×240 image" in str(outside["msg"])
    inverted = refused({"regions": [[50, 10, 20, 40]]})
    assert inverted["loc"] == ["body", "regions"]
    assert "region 1 [50, 10, 20, 40] is empty or inverted" in str(inverted["msg"])
    assert refused({"regions": [[10, 10, 10, 40]]})["loc"] == ["body", "regions"]
    assert refused({"regions": [[0, 0, 4, 4]] * 101})["loc"] == ["body", "regions"]
    assert refused({"regions": [[1, 2, 3]]})["loc"][:2] == ["body", "regions"]
    assert refused({"regions": [plate]}, item_id=document_id)["loc"] == ["path", "item_id"]
    # Nothing was made by the refused requests.
    items = client.get("/api/v1/evidence/items", params={"case_id": case_id}, headers=headers).json()
    assert [i["id"] for i in items if i["original_id"] == picture["id"]] == [derivative["id"]]


def test_releasing_a_hold_needs_a_reason_that_is_kept_and_logged(client: TestClient) -> None:
    headers = auth(client, "investigator")
    case_id, item_id = _case_and_item(client, headers)
    placing = {"scope": "case", "case_id": case_id, "reason": "court order 17"}
    hold = client.post("/api/v1/holds", json=placing, headers=headers).json()
    url = f"/api/v1/holds/{hold['id']}/release"
    missing = client.post(url, headers=headers)
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["body"]
    short = client.post(url, json={"reason": "  ok  "}, headers=headers)
    assert short.status_code == 422
    assert short.json()["detail"][0]["loc"] == ["body", "reason"]
    too_long = client.post(url, json={"reason": "x" * 2001}, headers=headers)
    assert too_long.json()["detail"][0]["loc"] == ["body", "reason"]
    assert client.get("/api/v1/holds", headers=headers).json()[0]["release_reason"] is None

    released = client.post(url, json={"reason": "  Court order 17 lifted on appeal  "}, headers=headers)
    assert released.status_code == 200, released.text
    assert released.json()["release_reason"] == "Court order 17 lifted on appeal"
    assert released.json()["released_by"] == "investigator"
    listed = client.get("/api/v1/holds", params={"include_released": True}, headers=headers).json()
    assert listed[0]["release_reason"] == "Court order 17 lifted on appeal"
    again = client.post(url, json={"reason": "once more"}, headers=headers)
    assert again.status_code == 409
    assert "already released by investigator" in again.json()["detail"]
    unknown = client.post("/api/v1/holds/999/release", json={"reason": "gone"}, headers=headers)
    assert unknown.status_code == 404

    entries = client.get(f"/api/v1/evidence/items/{item_id}/custody", headers=headers).json()["entries"]
    release_entry = json.loads(entries[-1]["details"])
    assert release_entry == {
        "change": "released",
        "legal_hold": hold["id"],
        "reason": "court order 17",
        "release_reason": "Court order 17 lifted on appeal",
    }
    audit = client.get(
        "/api/v1/audit", params={"action": "retention.hold_released"}, headers=auth(client, "auditor")
    ).json()
    assert len(audit) == 1
    assert json.loads(audit[0]["details"])["reason"] == "Court order 17 lifted on appeal"


def test_editing_a_case_changes_its_details_and_is_audited(client: TestClient) -> None:
    headers = auth(client, "investigator")
    case_id, item_id = _case_and_item(client, headers)
    url = f"/api/v1/evidence/cases/{case_id}"
    edited = client.patch(
        url,
        json={"title": "  Armed robbery  ", "description": "Two suspects.", "incident_ref": "INC-9"},
        headers=headers,
    )
    assert edited.status_code == 200, edited.text
    case = edited.json()
    assert case["title"] == "Armed robbery"
    assert (case["description"], case["incident_ref"]) == ("Two suspects.", "INC-9")
    assert (case["reference"], case["status"]) == ("CASE-42", "open")
    assert client.get(url, headers=headers).json()["title"] == "Armed robbery"
    # Details do not touch retention, so item custody is unchanged; the audit log has old and new values.
    entries = client.get(f"/api/v1/evidence/items/{item_id}/custody", headers=headers).json()["entries"]
    assert [e["action"] for e in entries] == ["collected"]
    auditor = auth(client, "auditor")
    [entry] = client.get("/api/v1/audit", params={"action": "evidence.case_update"}, headers=auditor).json()
    assert json.loads(entry["details"]) == {
        "changes": {
            "title": {"from": "Robbery", "to": "Armed robbery"},
            "description": {"from": "", "to": "Two suspects."},
            "incident_ref": {"from": "", "to": "INC-9"},
        }
    }

    both = client.patch(url, json={"status": "closed", "title": "Armed robbery"}, headers=headers)
    assert both.json()["status"] == "closed"
    latest = client.get("/api/v1/audit", params={"action": "evidence.case_update"}, headers=auditor).json()[0]
    assert json.loads(latest["details"]) == {"changes": {}, "status": "closed"}

    for body, field in (({"title": "   "}, "title"), ({"incident_ref": "x" * 129}, "incident_ref")):
        bad = client.patch(url, json=body, headers=headers)
        assert bad.status_code == 422
        assert bad.json()["detail"][0]["loc"] == ["body", field]
    empty = client.patch(url, json={}, headers=headers)
    assert empty.status_code == 422
    assert "at least one of status, title, description, incident_ref" in empty.json()["detail"][0]["msg"]
    assert client.patch(url, json={"title": None}, headers=headers).status_code == 422
    assert client.patch("/api/v1/evidence/cases/999", json={"title": "x"}, headers=headers).status_code == 404
    operator = auth(client, "operator")
    assert client.patch(url, json={"title": "mine"}, headers=operator).status_code == 403


def test_plates_true_blurs_the_plates_the_anpr_reader_finds(client: TestClient) -> None:
    image, plate, _key = street_with_a_plate()
    headers = auth(client, "investigator")
    picture = client.post(
        "/api/v1/evidence/items",
        data={"kind": "snapshot"},
        files={"file": ("street.png", encode_image(image, ".png"), "image/png")},
        headers=headers,
    ).json()
    url = f"/api/v1/evidence/items/{picture['id']}/redactions"
    made = client.post(url, json={"purpose": "appeal", "plates": True}, headers=headers)
    assert made.status_code == 201, made.text
    assert "faces and plates redacted" in made.json()["description"]
    entries = client.get(f"/api/v1/evidence/items/{made.json()['id']}/custody", headers=headers).json()
    details = json.loads(entries["entries"][0]["details"])
    assert details["plates_detected"] is True
    assert details["drawn_regions"] == []
    [x1, y1, x2, y2] = details["plate_regions"][0]
    assert x1 <= plate[0]  # the whole plate, rim included
    assert y1 <= plate[1]
    assert x2 >= plate[2]
    assert y2 >= plate[3]
    before = client.get(f"/api/v1/evidence/items/{picture['id']}/content", params=PURPOSE, headers=headers)
    after = client.get(f"/api/v1/evidence/items/{made.json()['id']}/content", params=PURPOSE, headers=headers)
    assert _variance(after.content, list(plate)) < 0.2 * _variance(before.content, list(plate))


def test_an_action_and_its_audit_entry_commit_together(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = auth(client, "investigator")

    def refuse(*_: object, **__: object) -> None:
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr(actors, "append", refuse)
    failed = client.post(
        "/api/v1/evidence/cases", json={"reference": "CASE-7", "title": "Theft"}, headers=headers
    )
    assert failed.status_code == 500  # the unexpected error, answered as JSON with a request id
    assert failed.json()["request_id"]
    monkeypatch.undo()
    assert client.get("/api/v1/evidence/cases", headers=headers).json() == []
