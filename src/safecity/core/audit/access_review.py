"""Access review for auditors: who read how much personal data, per day, and which days look unusual.

Personal-data reads are the audit entries written by `core.http.access.personal_data_read` (object type
`personal_data`: plate/face searches, trajectories, evidence views and exports). A user's day is flagged
when its count is above `ceiling`, or above `factor` x that user's own median daily count (over the days
they were active in the window, needing at least `min_days` of history so one busy day is not "unusual").
"""

from __future__ import annotations

from collections import Counter
from collections import defaultdict
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from statistics import median

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.audit.models import AuditEntry

PERSONAL_DATA = "personal_data"


@dataclass(frozen=True, slots=True)
class ReviewThresholds:
    factor: float = 3.0
    ceiling: int = 200
    min_days: int = 3


@dataclass(frozen=True, slots=True)
class DayFlag:
    day: date
    count: int
    reason: str


@dataclass(slots=True)
class UserAccess:
    actor: str
    total: int
    days: dict[date, int]
    median_daily: float
    actions: dict[str, int]
    without_case_ref: int
    flags: list[DayFlag] = field(default_factory=list)


def review_access(
    session: Session,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    thresholds: ReviewThresholds | None = None,
) -> list[UserAccess]:
    limits = thresholds or ReviewThresholds()
    query = select(AuditEntry.actor, AuditEntry.time, AuditEntry.action, AuditEntry.case_ref).where(
        AuditEntry.object_type == PERSONAL_DATA
    )
    if since is not None:
        query = query.where(AuditEntry.time >= since)
    if until is not None:
        query = query.where(AuditEntry.time < until)
    days: dict[str, Counter[date]] = defaultdict(Counter)
    actions: dict[str, Counter[str]] = defaultdict(Counter)
    no_case: Counter[str] = Counter()
    for actor, time, action, case_ref in session.execute(query):
        days[actor][time.date()] += 1
        actions[actor][action] += 1
        if not case_ref:
            no_case[actor] += 1
    users = []
    for actor in sorted(days):
        per_day = dict(sorted(days[actor].items()))
        typical = float(median(per_day.values()))
        user = UserAccess(
            actor, sum(per_day.values()), per_day, typical, dict(actions[actor]), no_case[actor]
        )
        for day, count in per_day.items():
            if count > limits.ceiling:
                user.flags.append(
                    DayFlag(day, count, f"{count} reads is above the ceiling of {limits.ceiling}")
                )
            elif len(per_day) >= limits.min_days and count > limits.factor * typical:
                user.flags.append(
                    DayFlag(
                        day,
                        count,
                        f"{count} reads is above {limits.factor:g}x this user's median of {typical:g}",
                    )
                )
        users.append(user)
    return users
