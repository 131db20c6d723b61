"""The e-challan HTTP API: officer validation, tickets, PDF, payments webhook, public lookup, verify."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from safecity.challan.consumer import handle_event
from safecity.challan.payments import SIGNATURE_HEADER
from safecity.challan.payments import sign
from safecity.challan.runtime import build_runtime
from safecity.config import Settings
from safecity.core.audit.models import AuditEntry
from safecity.core.db import Database
from safecity.core.media import MediaStore
from tests.api.conftest import auth
from tests.challan.conftest import LOOKUPS_PER_MINUTE
from tests.challan.conftest import WEBHOOK_SECRET
from tests.challan.helpers import REGISTRY_CSV
from tests.challan.helpers import plate_read
from tests.challan.helpers import rule_event

CNIC = "35202-1234567-1"


def import_registry(client: TestClient) -> None:
    response = client.post(
        "/api/v1/challan/registry/import",
        content=REGISTRY_CSV,
        headers={**auth(client, "admin"), "Content-Type": "text/csv"},
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"imported": 3}


def detect(settings: Settings, *events: Any) -> None:
    database = Database(settings.resolved_database_url)
    runtime = build_runtime(settings.challan, MediaStore(settings.media_dir))
    try:
        for event in events:
            handle_event(database, runtime, event)
    finally:
        database.dispose()


def pending(client: TestClient, headers: dict[str, str], queue: str = "validation") -> list[dict[str, Any]]:
    response = client.get("/api/v1/challan/violations", params={"queue": queue}, headers=headers)
    assert response.status_code == 200, response.text
    return list(response.json())


def accept(client: TestClient, headers: dict[str, str], violation_id: str, **extra: Any) -> dict[str, Any]:
    response = client.post(
        f"/api/v1/challan/violations/{violation_id}/decision",
        json={"decision": "accept", **extra},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def issued_ticket(client: TestClient, settings: Settings) -> tuple[dict[str, Any], dict[str, str]]:
    import_registry(client)
    detect(settings, rule_event(snapshot_sha256="a" * 64), plate_read("LEB-06-5700"))
    officer = auth(client, "traffic_officer")
    (violation,) = pending(client, officer)
    ticket = accept(client, officer, violation["id"])["ticket"]
    assert ticket is not None
    return ticket, officer


def pay(client: TestClient, body: dict[str, Any], secret: str = WEBHOOK_SECRET) -> Any:
    raw = json.dumps(body).encode()
    return client.post(
        "/api/v1/challan/payments/webhook",
        content=raw,
        headers={SIGNATURE_HEADER: sign(secret, raw), "Content-Type": "application/json"},
    )


def notice(ticket: dict[str, Any], **changes: Any) -> dict[str, Any]:
    body = {
        "idempotency_key": "epay-000001",
        "ticket_number": ticket["number"],
        "amount": ticket["fine"],
        "currency": "PKR",
        "provider": "epay",
        "reference": "TXN-42",
        "paid_at": "2025-03-02T10:00:00+00:00",
    }
    return {**body, **changes}


def test_an_officer_accepts_a_violation_and_a_ticket_is_issued_and_audited(
    client: TestClient, settings: Settings
) -> None:
    ticket, officer = issued_ticket(client, settings)
    assert ticket["status"] == "issued"
    assert ticket["fine"] == "2000.00"  # red light, car, built-in schedule
    assert ticket["plate"] == "LEB-06-5700"
    assert (ticket["number"], ticket["due_at"][:10]) != ("", ticket["issued_at"][:10])
    assert pending(client, officer) == []
    database = Database(settings.resolved_database_url)
    with database.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "challan.violation.accept")
        ).one()
    database.dispose()
    assert entry.actor == "traffic_officer"
    assert ticket["number"] in entry.details
    # Deciding twice is refused.
    response = client.post(
        f"/api/v1/challan/violations/{ticket['violation_id']}/decision",
        json={"decision": "reject", "reason": "misread_plate"},
        headers=officer,
    )
    assert response.status_code == 409


def test_only_traffic_officers_decide(client: TestClient, settings: Settings) -> None:
    detect(settings, rule_event())
    (violation,) = pending(client, auth(client, "supervisor"))
    response = client.post(
        f"/api/v1/challan/violations/{violation['id']}/decision",
        json={"decision": "accept"},
        headers=auth(client, "supervisor"),
    )
    assert response.status_code == 403
    assert client.get("/api/v1/challan/violations", headers=auth(client, "operator")).status_code == 403


def test_rejections_need_a_reason_and_show_up_per_camera(client: TestClient, settings: Settings) -> None:
    detect(
        settings,
        rule_event(camera="cam-bad", track_id=1),
        rule_event(camera="cam-bad", track_id=2, seconds=1),
        rule_event(camera="cam-good", track_id=3),
    )
    officer = auth(client, "traffic_officer")
    by_camera = {v["camera_id"]: v["id"] for v in pending(client, officer)}
    bad = [v["id"] for v in pending(client, officer) if v["camera_id"] == "cam-bad"]
    url = "/api/v1/challan/violations/{}/decision"
    response = client.post(url.format(bad[0]), json={"decision": "reject"}, headers=officer)
    assert response.status_code == 422
    assert "reason" in response.text
    for violation_id, reason in zip(bad, ["signal_fault", "emergency_vehicle"], strict=True):
        response = client.post(
            url.format(violation_id), json={"decision": "reject", "reason": reason}, headers=officer
        )
        assert response.status_code == 200
    response = client.post(
        url.format(by_camera["cam-good"]),
        json={"decision": "reject", "reason": "misread_plate"},
        headers=officer,
    )
    stats = client.get("/api/v1/challan/stats/rejections", headers=officer).json()
    assert stats["by_camera"][0]["camera_id"] == "cam-bad"
    assert stats["by_camera"][0]["by_reason"] == {"signal_fault": 1, "emergency_vehicle": 1}
    assert stats["by_reason"] == {"signal_fault": 1, "emergency_vehicle": 1, "misread_plate": 1}


def test_no_plate_needs_the_officers_reading_and_unknown_plates_move_to_the_registry_queue(
    client: TestClient, settings: Settings
) -> None:
    import_registry(client)
    detect(settings, rule_event())
    officer = auth(client, "traffic_officer")
    (violation,) = pending(client, officer)
    url = f"/api/v1/challan/violations/{violation['id']}/decision"
    assert client.post(url, json={"decision": "accept"}, headers=officer).status_code == 409
    moved = accept(client, officer, violation["id"], plate="ABC-123")
    assert moved["ticket"] is None
    assert moved["violation"]["queue"] == "registry"
    assert [v["id"] for v in pending(client, officer, "registry")] == [violation["id"]]
    issued = accept(client, officer, violation["id"], plate="AVV 584")
    assert issued["ticket"]["plate"] == "AVV-584"
    assert issued["violation"]["details"]["plate_read_by_camera"] == "ABC-123"


def test_the_same_violation_accepted_twice_within_the_window_is_one_ticket(
    client: TestClient, settings: Settings
) -> None:
    import_registry(client)
    # Two detections of one crossing that the intake could not merge (the plate came from the officer).
    detect(settings, rule_event(track_id=1), rule_event(track_id=2, seconds=3))
    officer = auth(client, "traffic_officer")
    first, second = pending(client, officer)
    one = accept(client, officer, first["id"], plate="LEB-06-5700")
    two = accept(client, officer, second["id"], plate="LEB-5700")
    assert two["violation"]["status"] == "duplicate"
    assert two["ticket"]["number"] == one["ticket"]["number"]
    assert len(client.get("/api/v1/challan/tickets", headers=officer).json()) == 1


def test_payment_webhook_pays_once_even_when_replayed(client: TestClient, settings: Settings) -> None:
    ticket, officer = issued_ticket(client, settings)
    first = pay(client, notice(ticket))
    assert first.status_code == 200, first.text
    assert first.json()["replayed"] is False
    assert first.json()["ticket_status"] == "paid"
    replay = pay(client, notice(ticket))
    assert replay.status_code == 200
    assert replay.json()["replayed"] is True
    other_key = pay(client, notice(ticket, idempotency_key="epay-000002"))
    assert other_key.status_code == 409
    reused_key = pay(client, notice(ticket, reference="TXN-43"))
    assert reused_key.status_code == 409
    paid = client.get(f"/api/v1/challan/tickets/{ticket['number']}", headers=officer).json()
    assert paid["status"] == "paid"


def test_bad_amounts_are_refused(client: TestClient, settings: Settings) -> None:
    ticket, officer = issued_ticket(client, settings)
    cases = [
        ("1500.00", 400, "does not match the fine"),
        ("-2000", 400, "positive"),
        ("0", 400, "positive"),
        ("2000.001", 400, "decimal places"),
        ("two thousand", 422, "amount"),
    ]
    for index, (amount, status, message) in enumerate(cases):
        response = pay(client, notice(ticket, amount=amount, idempotency_key=f"epay-bad-{index:04d}"))
        assert response.status_code == status, amount
        assert message in response.text
    assert (
        client.get(f"/api/v1/challan/tickets/{ticket['number']}", headers=officer).json()["status"]
        == "issued"
    )


def test_the_webhook_needs_the_signature(client: TestClient, settings: Settings) -> None:
    ticket, _ = issued_ticket(client, settings)
    assert pay(client, notice(ticket), secret="guessed").status_code == 401
    raw = json.dumps(notice(ticket)).encode()
    assert client.post("/api/v1/challan/payments/webhook", content=raw).status_code == 401


def test_ticket_pdf_and_verification_page(client: TestClient, settings: Settings) -> None:
    ticket, officer = issued_ticket(client, settings)
    pdf = client.get(f"/api/v1/challan/tickets/{ticket['number']}/pdf", headers=officer)
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    page = client.get(ticket["verify_url"])
    assert page.status_code == 200
    assert "Valid e-challan" in page.text
    assert ticket["number"] in page.text
    assert "LEB-06-5700" not in page.text  # the plate is masked on the public page
    assert client.get("/api/v1/public/challan/verify/EC250301-AAAAAAAA").status_code == 404


def test_ticket_states(client: TestClient, settings: Settings) -> None:
    ticket, officer = issued_ticket(client, settings)
    url = f"/api/v1/challan/tickets/{ticket['number']}/status"
    assert client.post(url, json={"status": "delivered"}, headers=officer).json()["status"] == "delivered"
    assert (
        client.post(url, json={"status": "contested"}, headers=officer).status_code == 422
    )  # needs a reason
    contested = client.post(url, json={"status": "contested", "reason": "car was sold"}, headers=officer)
    assert contested.json()["status"] == "contested"
    assert (
        client.post(url, json={"status": "cancelled", "reason": "sold before"}, headers=officer).status_code
        == 200
    )
    assert client.post(url, json={"status": "delivered"}, headers=officer).status_code == 409
    assert pay(client, notice(ticket)).status_code == 409


def test_public_lookup_by_plate_and_cnic_is_rate_limited(client: TestClient, settings: Settings) -> None:
    ticket, _ = issued_ticket(client, settings)
    url = "/api/v1/public/challan/lookup"
    found = client.get(url, params={"plate": "leb 06 5700", "cnic": CNIC})
    assert found.status_code == 200
    assert [t["number"] for t in found.json()] == [ticket["number"]]
    assert "owner_name" not in found.json()[0]
    assert client.get(url, params={"plate": "LEB-5700", "cnic": "42101-1111111-1"}).json() == []
    bad = client.get(url, params={"plate": "LEB-5700", "cnic": "1234567890abc"})
    assert bad.status_code == 422
    assert "cnic" in bad.text
    # Two lookups counted so far (malformed ones are refused before counting): the budget is three.
    assert client.get(url, params={"plate": "LEB-5700", "cnic": CNIC}).status_code == 200
    limited = client.get(url, params={"plate": "LEB-5700", "cnic": CNIC})
    assert LOOKUPS_PER_MINUTE == 3
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) > 0


def test_repeat_offenders(client: TestClient, settings: Settings) -> None:
    import_registry(client)
    detect(
        settings,
        rule_event(track_id=1),
        plate_read("LEB-06-5700", track_id=1),
        rule_event("wrong_way", camera="cam-9", track_id=2, seconds=40),
        plate_read("LEB-06-5700", camera="cam-9", track_id=2, seconds=40),
    )
    officer = auth(client, "traffic_officer")
    for violation in pending(client, officer):
        accept(client, officer, violation["id"])
    (offender,) = client.get("/api/v1/challan/offenders", headers=officer).json()
    assert offender["plate"] == "LEB-06-5700"
    assert offender["tickets"] == 2
    assert offender["unpaid_amount"] == "4500.00"


def test_signal_phase_feed_and_registry_import_validation(client: TestClient) -> None:
    admin = auth(client, "admin")
    response = client.post("/api/v1/challan/signals/stop-1/phase", json={"phase": "red"}, headers=admin)
    assert response.status_code == 201
    bad = client.post("/api/v1/challan/signals/stop-1/phase", json={"phase": "blue"}, headers=admin)
    assert bad.status_code == 422
    assert "phase" in bad.text
    broken = client.post(
        "/api/v1/challan/registry/import", content="plate,owner_name\nLEB-5700,X\n", headers=admin
    )
    assert broken.status_code == 422
    assert "vehicle_class" in broken.text
