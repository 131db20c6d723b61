"""One number orders the operators' queue: severity, watchlist category, repeats and time unacknowledged.

Critical alarms jump the queue whatever the rest says: a panic button, a hotlist vehicle listed as armed and
dangerous, a face match two people confirmed, or anything raised as critical. Pure: the API computes the
score when it lists alerts, since the waiting time grows by itself.
"""

from __future__ import annotations

import math
from datetime import datetime

from safecity.alerts.models import Alert
from safecity.alerts.states import AlertStatus

SEVERITY_POINTS = {"critical": 100.0, "high": 60.0, "medium": 30.0, "low": 10.0, "info": 0.0}
#: Hotlist kinds, face watchlist categories and persons-of-interest statuses; anything else is "other".
CATEGORY_POINTS = {
    "wanted": 40.0,
    "proclaimed_offender": 40.0,
    "suspect": 25.0,
    "stolen": 20.0,
    "missing": 20.0,
    "watch": 10.0,
}
OTHER_CATEGORY = 5.0
REPEAT_POINTS_MAX = 20.0
WAITING_POINTS_PER_MINUTE = 1.0
WAITING_POINTS_MAX = 60.0
CRITICAL_JUMP = 1000.0
WAITING = (AlertStatus.NEW.value, AlertStatus.ESCALATED.value)


def is_critical(alert: Alert) -> bool:
    if alert.kind == "face_candidate" or alert.requires_confirmation:
        return alert.status == AlertStatus.CONFIRMED.value
    if alert.severity == "critical" or alert.kind == "panic":
        return True
    if alert.kind == "vehicle_hit":
        listed = " ".join(str(alert.details.get(key, "")) for key in ("reason", "list_name", "list_kind"))
        return "armed" in listed.lower()
    return False


def category_points(alert: Alert) -> float:
    category = alert.details.get("list_kind") or alert.details.get("category")
    if not category:
        return 0.0
    return CATEGORY_POINTS.get(str(category).lower(), OTHER_CATEGORY)


def priority(alert: Alert, now: datetime) -> float:
    """Higher first. Repeats count logarithmically (a busy rule must not drown a single serious hit); waiting
    counts only while nobody has taken the alert on."""
    score = SEVERITY_POINTS.get(alert.severity, 0.0) + category_points(alert)
    score += min(REPEAT_POINTS_MAX, 5.0 * math.log2(max(alert.count, 1)))
    if alert.status in WAITING:
        minutes = max(0.0, (now - alert.first_seen).total_seconds() / 60)
        score += min(WAITING_POINTS_MAX, minutes * WAITING_POINTS_PER_MINUTE)
    if is_critical(alert):
        score += CRITICAL_JUMP
    return round(score, 1)
