"""How good the alarms are: precision per rule, camera and source, the load on the operators and how fast
they acknowledge. Pure over the alerts of a period; the dashboards read it from `GET /api/v1/alerts/quality`.

Precision is the share of disposed alarms the operator closed as *true*. A rule whose precision falls under
the threshold (with enough disposed alarms to judge) is flagged with what to change in its alarm policy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from pydantic import BaseModel
from pydantic import Field

from safecity.alerts.models import Alert
from safecity.alerts.states import Disposition

SUGGESTIONS = {
    "loitering": "raise min_dwell_seconds (or the zone's loiter_seconds) in its alarm policy",
    "dwell": "raise min_dwell_seconds in its alarm policy",
    "crowd": "raise the zone's crowd_threshold or min_count in its alarm policy",
    "line_crossing": "narrow the line or zone and limit its classes, or make it a record",
    "zone_enter": "narrow the zone and limit its classes, or make it a record",
    "wrong_way": "narrow the line, limit its classes or require min_count repeats",
    "abandoned_object": "raise the rule's unattended_seconds, or its radius if owners standing by are missed",
    "removed_object": "raise the rule's present_seconds or absent_seconds, or narrow its radius",
    "no_stopping": "raise the rule's dwell_seconds or lower its max_speed",
}
ANY_RULE = "arm it by schedule (alarms.policies[].schedule) for the hours it matters"


class Precision(BaseModel):
    key: str = Field(description="The rule (`type:name`), camera id or source kind.")
    alarms: int
    disposed: int
    true: int
    false: int
    nuisance: int
    precision: float | None = Field(description="true / disposed; None until something is disposed.")
    flagged: bool = False
    suggestion: str = ""


class AlarmQuality(BaseModel):
    since: datetime
    until: datetime
    alarms: int
    operator_hours: float = Field(description="Operators who acted in the period × its length, or as given.")
    alarms_per_operator_hour: float | None
    acknowledge_p50_seconds: float | None
    acknowledge_p95_seconds: float | None
    by_rule: list[Precision]
    by_camera: list[Precision]
    by_source: list[Precision]


@dataclass(frozen=True, slots=True)
class Thresholds:
    flag_below: float = 0.5
    min_disposed: int = 10


def rule_key(alert: Alert) -> str:
    return f"{alert.source_topic.removeprefix('rule.')}:{alert.subject}"


def quality(
    alerts: Sequence[Alert],
    since: datetime,
    until: datetime,
    thresholds: Thresholds,
    operators: int | None = None,
) -> AlarmQuality:
    hours = max((until - since).total_seconds(), 1.0) / 3600
    acted = {who for a in alerts for who in (a.acknowledged_by, a.disposed_by, a.dismissed_by) if who}
    operator_hours = round((operators if operators is not None else len(acted)) * hours, 3)
    waits = [(a.acknowledged_at - a.first_seen).total_seconds() for a in alerts if a.acknowledged_at]
    rules = [a for a in alerts if a.kind == "rule"]
    return AlarmQuality(
        since=since,
        until=until,
        alarms=len(alerts),
        operator_hours=operator_hours,
        alarms_per_operator_hour=round(len(alerts) / operator_hours, 2) if operator_hours else None,
        acknowledge_p50_seconds=_percentile(waits, 50),
        acknowledge_p95_seconds=_percentile(waits, 95),
        by_rule=_grouped(rules, rule_key, thresholds, suggest=True),
        by_camera=_grouped([a for a in alerts if a.camera_id], lambda a: a.camera_id or "", thresholds),
        by_source=_grouped(alerts, lambda a: a.kind, thresholds),
    )


def _grouped(
    alerts: Sequence[Alert], key: Callable[[Alert], str], thresholds: Thresholds, suggest: bool = False
) -> list[Precision]:
    groups: dict[str, list[Alert]] = defaultdict(list)
    for alert in alerts:
        groups[key(alert)].append(alert)
    rows = [_precision(name, members, thresholds, suggest) for name, members in groups.items()]
    return sorted(rows, key=lambda row: (row.precision if row.precision is not None else 2.0, -row.alarms))


def _precision(key: str, alerts: list[Alert], thresholds: Thresholds, suggest: bool) -> Precision:
    counts = {d: sum(1 for a in alerts if a.disposition == d.value) for d in Disposition}
    disposed = sum(counts.values())
    precision = round(counts[Disposition.TRUE] / disposed, 3) if disposed else None
    flagged = suggest and precision is not None and disposed >= thresholds.min_disposed
    flagged = flagged and precision is not None and precision < thresholds.flag_below
    rule_type = key.split(":", 1)[0]
    suggestion = f"{SUGGESTIONS.get(rule_type, ANY_RULE)}; or {ANY_RULE}" if flagged else ""
    return Precision(
        key=key,
        alarms=len(alerts),
        disposed=disposed,
        true=counts[Disposition.TRUE],
        false=counts[Disposition.FALSE],
        nuisance=counts[Disposition.NUISANCE],
        precision=precision,
        flagged=flagged,
        suggestion=suggestion,
    )


def _percentile(values: list[float], q: float) -> float | None:
    return round(float(np.percentile(values, q)), 1) if values else None
