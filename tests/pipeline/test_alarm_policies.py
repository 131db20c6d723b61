"""Alarm policies: which rule hits call an operator, which are only recorded, and bad policies refused."""

from __future__ import annotations

import json
from datetime import UTC
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from safecity.pipeline.events import EventType
from safecity.pipeline.rules import SceneConfig
from safecity.pipeline.rules import SceneConfigError
from safecity.pipeline.rules import load_scene_config
from safecity.pipeline.rules.alarm_gate import AlarmGate
from safecity.pipeline.rules.hits import RuleHit
from safecity.vision.boxes import Box
from safecity.vision.tracking import Track

LINE = {"name": "gate", "start": [0.1, 0.5], "end": [0.9, 0.5]}
ZONE = {"name": "market", "polygon": [[0.1, 0.1], [0.9, 0.1], [0.9, 0.9]]}
# Monday 2 March 2026, UTC; Asia/Karachi is UTC+5.
MONDAY_NOON_UTC = datetime(2026, 3, 2, 12, 0, tzinfo=UTC).timestamp()


def scene(*policies: dict[str, Any], timezone: str = "UTC") -> SceneConfig:
    return SceneConfig.model_validate(
        {"lines": [LINE], "zones": [ZONE], "alarms": {"timezone": timezone, "policies": list(policies)}}
    )


def track(label: str = "person", seconds: float = 1.0, at: float = MONDAY_NOON_UTC) -> Track:
    found = Track(track_id=1, first_seen=at - seconds, last_seen=at, box=Box(0.0, 0.0, 10.0, 10.0), score=0.9)
    found.label_votes[label] += 1
    return found


def hit(kind: EventType, rule: str, **payload: Any) -> RuleHit:
    return RuleHit(kind, rule, track(), payload)


def outcomes(gate: AlarmGate, hits: list[RuleHit], at: float = MONDAY_NOON_UTC) -> list[str]:
    return [judged.payload["outcome"] for judged in gate.judged(hits, at)]


def test_without_policies_crossings_are_records_and_loitering_is_an_alarm() -> None:
    gate = AlarmGate(scene().alarms)
    hits = [hit(EventType.LINE_CROSSING, "gate"), hit(EventType.LOITERING, "market", seconds=40)]
    assert outcomes(gate, hits) == ["record", "alarm"]


def test_a_policy_can_make_a_rule_an_alarm_or_nothing_at_all() -> None:
    gate = AlarmGate(
        scene({"rules": ["gate"], "outcome": "alarm"}, {"rules": ["market"], "outcome": "nothing"}).alarms
    )
    hits = [hit(EventType.LINE_CROSSING, "gate"), hit(EventType.ZONE_ENTER, "market")]
    assert outcomes(gate, hits) == ["alarm"]  # the zone entry is not published


def test_a_schedule_arms_the_market_gate_only_after_ten_at_night_local_time() -> None:
    after_hours = {"rules": ["gate"], "schedule": [{"start": "22:00", "end": "06:00"}]}
    gate = AlarmGate(scene(after_hours, timezone="Asia/Karachi").alarms)
    crossing = [hit(EventType.LINE_CROSSING, "gate")]
    assert outcomes(gate, crossing, MONDAY_NOON_UTC) == ["record"]  # 17:00 in Lahore
    assert outcomes(gate, crossing, MONDAY_NOON_UTC + 6 * 3600) == ["alarm"]  # 23:00
    assert outcomes(gate, crossing, MONDAY_NOON_UTC + 12 * 3600) == ["alarm"]  # 05:00 the next morning
    held = gate.judged(crossing, MONDAY_NOON_UTC)[0]
    assert held.payload["outcome_reason"] == "disarmed"


def test_classes_dwell_and_repeat_count_hold_an_alarm_back_as_a_record() -> None:
    cars_only = AlarmGate(scene({"rules": ["gate"], "classes": ["car"]}).alarms)
    assert outcomes(cars_only, [hit(EventType.LINE_CROSSING, "gate")]) == ["record"]
    assert outcomes(cars_only, [RuleHit(EventType.LINE_CROSSING, "gate", track("car"))]) == ["alarm"]

    long_stays = AlarmGate(scene({"rules": ["market"], "min_dwell_seconds": 60}).alarms)
    short, long = (
        hit(EventType.LOITERING, "market", seconds=30),
        hit(EventType.LOITERING, "market", seconds=90),
    )
    assert outcomes(long_stays, [short, long]) == ["record", "alarm"]

    third_in_a_minute = AlarmGate(
        scene({"rules": ["gate"], "min_count": 3, "count_window_seconds": 60}).alarms
    )
    crossing = hit(EventType.LINE_CROSSING, "gate")
    seen = [outcomes(third_in_a_minute, [crossing], MONDAY_NOON_UTC + s)[0] for s in (0, 10, 20, 200)]
    assert seen == ["record", "record", "alarm", "record"]


def test_the_rate_limit_turns_alarms_beyond_it_into_records_for_the_hour() -> None:
    gate = AlarmGate(scene({"rules": ["gate"], "max_alarms_per_hour": 2}).alarms)
    crossing = hit(EventType.LINE_CROSSING, "gate")
    seen = [outcomes(gate, [crossing], MONDAY_NOON_UTC + minute * 60)[0] for minute in (0, 1, 2, 30, 61)]
    assert seen == ["alarm", "alarm", "record", "record", "alarm"]


@pytest.mark.parametrize(
    ("policy", "field", "message"),
    [
        ({"rules": ["gate"], "classes": ["persn"]}, "classes", "unknown object classes ['persn']"),
        ({"rules": ["gate"], "schedule": [{"start": "22:00", "end": "22:00"}]}, "schedule", "never arms"),
        ({"rules": ["gate"], "schedule": []}, "schedule", "never arms"),
        ({"rules": ["gate"], "max_alarms_per_hour": 0}, "max_alarms_per_hour", "never alarms"),
        ({"rules": ["gaet"]}, "rules", "no zone, line or signal named ['gaet']"),
    ],
)
def test_a_policy_that_cannot_work_is_refused_naming_the_field(
    policy: dict[str, Any], field: str, message: str, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError) as refused:
        scene(policy)
    assert message in str(refused.value)
    assert field in str(refused.value)
    # At start: the worker's scene file fails the same way, naming the file and the field.
    path = tmp_path / "scene.yaml"
    path.write_text(
        "lines: [{name: gate, start: [0.1, 0.5], end: [0.9, 0.5]}]\n"
        "zones: [{name: market, polygon: [[0.1, 0.1], [0.9, 0.1], [0.9, 0.9]]}]\n"
        f"alarms: {{policies: [{json.dumps(policy)}]}}\n"  # JSON is YAML flow style
    )
    with pytest.raises(SceneConfigError, match=field):
        load_scene_config(path)
