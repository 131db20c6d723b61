"""Alerts from bus events: the source table, dedup and cooldown, resolution, state machine, escalation."""

from __future__ import annotations

from datetime import timedelta
from itertools import product

import pytest

from safecity.alerts import service
from safecity.alerts.consumer import AlertConsumer
from safecity.alerts.escalation import EscalationTimer
from safecity.alerts.sources import source_for
from safecity.alerts.states import TRANSITIONS
from safecity.alerts.states import AlertStatus
from safecity.alerts.states import InvalidTransitionError
from safecity.alerts.states import Severity
from safecity.alerts.states import check_transition
from safecity.cameras.events import CameraHealthEvent
from safecity.core.bus import Event
from safecity.core.db import Database
from tests.alerts.fakes import START
from tests.alerts.fakes import FakeClock


class _NoBus:
    async def publish(self, event: Event) -> None:  # the consumer's `apply` never publishes
        raise AssertionError("not used")


def consumer(database: Database) -> AlertConsumer:
    return AlertConsumer(database, _NoBus())  # type: ignore[arg-type]


def health(camera: str, state: str, seconds: float = 0) -> Event:
    """As the camera workers publish it (the registered typed event, `state` a declared field)."""
    return CameraHealthEvent(camera_id=camera, time=START + timedelta(seconds=seconds), state=state)


def rule_hit(
    camera: str, rule: str, kind: str = "line_crossing", seconds: float = 0, outcome: str = "alarm"
) -> Event:
    """As a worker publishes it; `outcome` is what the camera's alarm policies decided."""
    return Event(
        type=f"rule.{kind}",
        camera_id=camera,
        time=START + timedelta(seconds=seconds),
        payload={"rule": rule, "rule_type": kind, "track_id": 7, "outcome": outcome},
    )


@pytest.mark.parametrize(
    ("event", "kind", "severity"),
    [
        (health("c1", "offline"), "camera_health", Severity.HIGH),
        (health("c1", "covered"), "camera_health", Severity.HIGH),
        (health("c1", "frozen"), "camera_health", Severity.MEDIUM),
        (health("c1", "defocused"), "camera_health", Severity.LOW),
        (rule_hit("c1", "gate", "wrong_way"), "rule", Severity.HIGH),
        (rule_hit("c1", "gate", "line_crossing"), "rule", Severity.MEDIUM),
        (
            Event(type="watchlist.vehicle_hit", payload={"plate": "LEB-1234", "reason": "stolen"}),
            "vehicle_hit",
            Severity.HIGH,
        ),
        (
            Event(type="face.candidate", payload={"entry_id": "w-9", "score": 0.7}),
            "face_candidate",
            Severity.HIGH,
        ),
    ],
)
def test_the_source_table_decides_kind_and_severity(event: Event, kind: str, severity: Severity) -> None:
    source = source_for(event)
    assert source is not None
    assert (source.kind, source.severity) == (kind, severity)


def test_events_nobody_maps_raise_nothing() -> None:
    assert source_for(Event(type="plate.read", payload={"text": "X"})) is None
    assert source_for(health("c1", "connecting")) is None


def test_rule_hits_the_camera_made_records_raise_no_alert() -> None:
    assert source_for(rule_hit("c1", "gate", "loitering", outcome="record")) is None
    assert source_for(rule_hit("c1", "gate", "loitering", outcome="alarm")) is not None


def test_without_a_decision_a_rule_hit_gets_its_types_default() -> None:
    def undecided(kind: str) -> Event:
        return Event(type=f"rule.{kind}", camera_id="c1", payload={"rule": "gate"})

    assert source_for(undecided("line_crossing")) is None  # counted, never an alarm by itself
    assert source_for(undecided("red_light")) is None  # e-challan's queue, not the operators'
    assert source_for(undecided("wrong_way")) is not None
    assert source_for(undecided("loitering")) is not None


def test_repeats_within_the_cooldown_count_up_on_one_alert(database: Database) -> None:
    apply = consumer(database).apply
    first = apply(rule_hit("c1", "gate", seconds=0))
    repeat = apply(rule_hit("c1", "gate", seconds=60))
    other_camera = apply(rule_hit("c2", "gate", seconds=61))
    other_rule = apply(rule_hit("c1", "exit", seconds=62))
    after_cooldown = apply(rule_hit("c1", "gate", seconds=60 + 121))  # line crossings: 120 s cooldown
    assert [e.type for e in first + repeat] == ["alert.created", "alert.updated"]
    assert repeat[0].alert.id == first[0].alert.id  # type: ignore[attr-defined]
    assert repeat[0].alert.count == 2  # type: ignore[attr-defined]
    ids = {e.alert.id for e in first + other_camera + other_rule + after_cooldown}  # type: ignore[attr-defined]
    assert len(ids) == 4
    assert first[0].alert.title == "Line crossing: gate"  # type: ignore[attr-defined]


def test_the_same_event_twice_is_applied_once(database: Database) -> None:
    apply = consumer(database).apply
    event = rule_hit("c1", "gate")
    assert len(apply(event)) == 1
    assert apply(event) == []
    with database.session() as session:
        (alert,) = service.list_alerts(session)
        assert alert.count == 1
        assert alert.source_event_id == str(event.id)


def test_a_dismissed_alert_absorbs_repeats_until_its_cooldown_passes(database: Database) -> None:
    apply = consumer(database).apply
    (created,) = apply(rule_hit("c1", "gate"))
    with database.session() as session:
        service.dismiss(session, created.alert.id, "test walk", "op", START)  # type: ignore[attr-defined]
    (repeat,) = apply(rule_hit("c1", "gate", seconds=30))
    assert repeat.alert.status == AlertStatus.DISMISSED  # type: ignore[attr-defined]
    assert repeat.alert.count == 2  # type: ignore[attr-defined]


def test_a_camera_back_online_resolves_its_health_alerts(database: Database) -> None:
    apply = consumer(database).apply
    offline = apply(health("c1", "offline"))[0].alert  # type: ignore[attr-defined]
    apply(health("c2", "offline"))
    (resolved,) = apply(health("c1", "online", seconds=90))
    assert resolved.type == "alert.updated"
    assert resolved.action == "resolved"  # type: ignore[attr-defined]
    assert resolved.alert.id == offline.id  # type: ignore[attr-defined]
    with database.session() as session:
        open_ids = [a.camera_id for a in service.list_alerts(session, statuses=["new"])]
    assert open_ids == ["c2"]
    # Offline again later is a new alert (a resolved alert absorbs nothing).
    (again,) = apply(health("c1", "offline", seconds=120))
    assert again.type == "alert.created"


def test_a_batch_gives_what_the_same_events_one_at_a_time_give(database: Database) -> None:
    hit, repeat = rule_hit("c1", "gate", seconds=0), rule_hit("c1", "gate", seconds=60)
    offline, online = health("c1", "offline", seconds=1), health("c1", "online", seconds=90)
    offline_again = health("c1", "offline", seconds=120)

    outgoing = consumer(database).apply_all([hit, repeat, offline, hit, online, offline_again])

    assert [(e.type, e.action) for e in outgoing] == [  # type: ignore[attr-defined]
        ("alert.created", "created"),
        ("alert.updated", "repeated"),  # merged into the alert created earlier in the same batch
        ("alert.created", "created"),
        ("alert.updated", "resolved"),  # the second copy of `hit` was skipped: handled earlier in the batch
        ("alert.created", "created"),  # the alert it would merge into was resolved within the batch
    ]
    created, repeated, went_offline, resolved, again = (e.alert for e in outgoing)  # type: ignore[attr-defined]
    assert repeated.id == created.id
    assert (created.count, repeated.count) == (1, 2)
    assert resolved.id == went_offline.id
    assert again.id != went_offline.id


def test_a_batch_applied_again_changes_nothing(database: Database) -> None:
    batch = [rule_hit("c1", "gate"), rule_hit("c2", "gate"), health("c1", "offline")]
    assert len(consumer(database).apply_all(batch)) == 3

    assert consumer(database).apply_all(batch) == []  # a redelivery after the commit
    with database.session() as session:
        assert sorted(alert.count for alert in service.list_alerts(session)) == [1, 1, 1]


def test_every_transition_outside_the_table_is_refused() -> None:
    for current, wanted in product(AlertStatus, AlertStatus):
        if wanted in TRANSITIONS[current]:
            check_transition(current, wanted)
        else:
            with pytest.raises(InvalidTransitionError):
                check_transition(current, wanted)
    assert TRANSITIONS[AlertStatus.DISMISSED] == frozenset()


def test_operator_actions_follow_the_state_machine(database: Database) -> None:
    apply = consumer(database).apply
    alert_id = apply(rule_hit("c1", "gate"))[0].alert.id  # type: ignore[attr-defined]
    with database.session() as session:
        alert = service.acknowledge(session, alert_id, "op", START)
        assert (alert.status, alert.acknowledged_by) == ("acknowledged", "op")
        with pytest.raises(InvalidTransitionError):
            service.acknowledge(session, alert_id, "op", START)
        alert = service.assign(session, alert_id, START, by="op", unit="PRU-1")
        assert (alert.status, alert.assigned_unit) == ("assigned", "PRU-1")
        with pytest.raises(ValueError, match="reason"):
            service.dismiss(session, alert_id, "  ", "op", START)
        service.dismiss(session, alert_id, "false alarm", "op", START)
        for action in (
            lambda: service.escalate(session, alert_id, START),
            lambda: service.assign(session, alert_id, START, by="op", user="sup"),
            lambda: service.confirm(session, alert_id, ["a", "b"], START),
        ):
            with pytest.raises(InvalidTransitionError):
                action()


def test_face_candidates_are_confirmed_only_by_two_people(database: Database) -> None:
    apply = consumer(database).apply
    (created,) = apply(Event(type="face.candidate", payload={"entry_id": "w-9"}))
    assert created.alert.requires_confirmation  # type: ignore[attr-defined]
    with database.session() as session:
        with pytest.raises(ValueError, match="two different people"):
            service.confirm(session, created.alert.id, ["sup", "sup"], START)  # type: ignore[attr-defined]
        alert = service.confirm(session, created.alert.id, ["sup", "op"], START)  # type: ignore[attr-defined]
        assert (alert.status, alert.confirmed_by) == ("confirmed", "op,sup")


def test_unacknowledged_alerts_escalate_after_their_severity_limit(database: Database) -> None:
    clock = FakeClock()
    apply = consumer(database).apply
    high = apply(health("c1", "offline"))[0].alert.id  # type: ignore[attr-defined]
    medium = apply(rule_hit("c1", "gate"))[0].alert.id  # type: ignore[attr-defined]
    acknowledged = apply(health("c2", "covered"))[0].alert.id  # type: ignore[attr-defined]
    with database.session() as session:
        service.acknowledge(session, acknowledged, "op", START)
    timer = EscalationTimer(database, _NoBus(), {"high": 180, "medium": 600}, clock)  # type: ignore[arg-type]

    clock.advance(179)
    assert timer.check() == []
    clock.advance(1)
    (escalated,) = timer.check()
    assert escalated.type == "alert.escalated"
    assert escalated.alert.id == high  # type: ignore[attr-defined]
    assert escalated.alert.escalation_level == 1  # type: ignore[attr-defined]
    assert timer.check() == []  # once
    clock.advance(420)
    assert [e.alert.id for e in timer.check()] == [medium]  # type: ignore[attr-defined]
    with database.session() as session:
        assert service.get_alert(session, acknowledged).status == "acknowledged"
