"""Closing alarms with a disposition, what the dashboards learn from it, and the queue's priority order."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from safecity.alerts.models import Alert
from safecity.alerts.priority import priority
from safecity.core.bus import Event
from tests.alerts.fakes import START
from tests.alerts.test_alert_subjects import hotlist_hit
from tests.api.conftest import auth
from tests.support.polling import eventually


def _alarm(client: TestClient, camera: str, rule: str, kind: str = "loitering") -> int:
    bus = client.app.state.services.bus  # type: ignore[attr-defined]
    event = Event(type=f"rule.{kind}", camera_id=camera, payload={"rule": rule, "outcome": "alarm"})
    client.portal.call(bus.publish, event)  # type: ignore[union-attr]
    headers = auth(client, "operator")

    def raised() -> int | None:
        found = client.get("/api/v1/alerts", params={"camera_id": camera}, headers=headers).json()
        return next((a["id"] for a in found if a["subject"] == rule), None)

    return eventually(raised, f"the {rule} alarm on {camera}")


def test_closing_alarms_with_a_disposition_measures_each_rule_and_flags_the_poor_one(
    client: TestClient,
) -> None:
    operator = auth(client, "operator")
    outcomes = {"bench": ["false", "nuisance", "false"], "gate": ["true", "true", "false"]}
    for rule, dispositions in outcomes.items():
        for index, disposition in enumerate(dispositions):
            alert_id = _alarm(client, f"cam-{rule}-{index}", rule)
            closed = client.post(
                f"/api/v1/alerts/{alert_id}/close", json={"disposition": disposition}, headers=operator
            )
            assert closed.status_code == 200, closed.text
            assert (closed.json()["status"], closed.json()["disposition"]) == ("resolved", disposition)
    again = client.post(f"/api/v1/alerts/{alert_id}/close", json={"disposition": "true"}, headers=operator)
    assert again.status_code == 409
    unknown = client.post(f"/api/v1/alerts/{alert_id}/close", json={"disposition": "maybe"}, headers=operator)
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["body", "disposition"]
    nuisance = _alarm(client, "cam-x", "square", "crowd")
    dismissed = client.post(
        f"/api/v1/alerts/{nuisance}/dismiss",
        json={"reason": "market day", "disposition": "nuisance"},
        headers=operator,
    )
    assert dismissed.json()["disposition"] == "nuisance"

    services = client.app.state.services  # type: ignore[attr-defined]
    services.settings.alerts.precision_min_disposed = 3
    report = client.get("/api/v1/alerts/quality", params={"operators": 2}, headers=operator).json()
    rules = {row["key"]: row for row in report["by_rule"]}
    assert (rules["loitering:gate"]["precision"], rules["loitering:gate"]["flagged"]) == (0.667, False)
    assert (rules["loitering:bench"]["precision"], rules["loitering:bench"]["flagged"]) == (0.0, True)
    assert "min_dwell_seconds" in rules["loitering:bench"]["suggestion"]
    assert "schedule" in rules["loitering:bench"]["suggestion"]
    sources = {row["key"]: row for row in report["by_source"]}
    assert (sources["rule"]["alarms"], sources["rule"]["true"], sources["rule"]["nuisance"]) == (7, 2, 2)
    assert report["alarms"] == 7
    assert report["operator_hours"] == 48.0
    assert report["acknowledge_p50_seconds"] is not None  # closing acknowledges
    # The queue's priority order: an armed-and-dangerous hotlist hit jumps an open rule alarm.
    _alarm(client, "cam-open", "gate")
    armed = {
        "reason": "Armed and dangerous",
        "list_name": "CTD",
        "list_kind": "wanted",
        "camera_id": "anpr-2",
    }
    bus = client.app.state.services.bus  # type: ignore[attr-defined]
    client.portal.call(bus.publish, hotlist_hit().model_copy(update=armed))  # type: ignore[union-attr]
    open_queue = {"status": "new", "order": "priority"}

    def both() -> list[dict[str, object]] | None:
        found: list[dict[str, object]] = client.get(
            "/api/v1/alerts", params=open_queue, headers=operator
        ).json()
        return found if len(found) == 2 else None

    queue = eventually(both, "the hotlist hit and the open rule alarm in the queue")
    assert [(a["kind"], a["critical"]) for a in queue] == [("vehicle_hit", True), ("rule", False)]

    backwards = client.get(
        "/api/v1/alerts/quality",
        params={"since": "2026-03-02T10:00:00Z", "until": "2026-03-02T09:00:00Z"},
        headers=operator,
    )
    assert backwards.status_code == 422
    assert backwards.json()["detail"][0]["loc"] == ["query", "since"]


def _alert(**fields: object) -> Alert:
    base: dict[str, object] = {
        "kind": "rule",
        "severity": "medium",
        "status": "new",
        "count": 1,
        "first_seen": START,
        "details": {},
    }
    return Alert(**{**base, **fields})


def test_the_queue_puts_critical_alarms_first_then_severity_category_repeats_and_waiting() -> None:
    now = START + timedelta(minutes=10)
    busy_line = _alert(count=400)
    stolen_car = _alert(kind="vehicle_hit", severity="high", details={"list_kind": "stolen"})
    armed = _alert(kind="vehicle_hit", severity="high", details={"reason": "Armed and dangerous"})
    panic = _alert(kind="panic", severity="critical", first_seen=now)
    confirmed_face = _alert(kind="face_candidate", severity="high", status="confirmed")
    waiting_long = _alert(first_seen=START - timedelta(hours=2))
    taken_on = _alert(first_seen=START - timedelta(hours=2), status="acknowledged")

    assert priority(armed, now) > priority(stolen_car, now) > priority(busy_line, now)
    assert min(priority(a, now) for a in (panic, armed, confirmed_face)) > priority(stolen_car, now) + 500
    assert priority(busy_line, now) < priority(_alert(severity="high"), now)  # repeats never outrank severity
    assert priority(waiting_long, now) > priority(taken_on, now)
