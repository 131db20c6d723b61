"""Decides, hit by hit, whether a rule hit is an alarm, a record or nothing (see `alarm_config`).

Stateful per camera: the repeat count and the rate limit look back over this camera's recent hits.
The outcome travels in the hit's payload (`outcome`, and `outcome_reason` when a policy held an alarm back),
so every consumer downstream reads the same decision.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from zoneinfo import ZoneInfo

from safecity.pipeline.rules.alarm_config import AlarmPolicy
from safecity.pipeline.rules.alarm_config import AlarmsConfig
from safecity.pipeline.rules.alarm_config import Outcome
from safecity.pipeline.rules.alarm_config import default_outcome
from safecity.pipeline.rules.hits import RuleHit

HOUR = 3600.0


class AlarmGate:
    def __init__(self, config: AlarmsConfig) -> None:
        self.config = config
        self.zone = ZoneInfo(config.timezone)
        self._hits: dict[int, deque[float]] = {}
        self._alarms: dict[int, deque[float]] = {}

    def judged(self, hits: list[RuleHit], timestamp: float) -> list[RuleHit]:
        """The hits to publish, each with its outcome; hits that are nothing are left out."""
        kept = []
        for hit in hits:
            outcome, reason = self.judge(hit, timestamp)
            if outcome is Outcome.NOTHING:
                continue
            extra = {"outcome": outcome.value, **({"outcome_reason": reason} if reason else {})}
            kept.append(replace(hit, payload={**hit.payload, **extra}))
        return kept

    def judge(self, hit: RuleHit, timestamp: float) -> tuple[Outcome, str]:
        for index, policy in enumerate(self.config.policies):
            if policy.governs(hit.rule, hit.type):
                return self._by_policy(index, policy, hit, timestamp)
        return default_outcome(hit.type), ""

    def _by_policy(self, index: int, policy: AlarmPolicy, hit: RuleHit, now: float) -> tuple[Outcome, str]:
        recent = _window(self._hits.setdefault(index, deque()), now, policy.count_window_seconds)
        recent.append(now)
        reason = self._held_back(policy, hit, now, len(recent))
        if reason:
            return policy.otherwise, reason
        if policy.outcome is not Outcome.ALARM:
            return policy.outcome, ""
        alarms = _window(self._alarms.setdefault(index, deque()), now, HOUR)
        if policy.max_alarms_per_hour is not None and len(alarms) >= policy.max_alarms_per_hour:
            return Outcome.RECORD, "rate_limit"
        alarms.append(now)
        return Outcome.ALARM, ""

    def _held_back(self, policy: AlarmPolicy, hit: RuleHit, now: float, count: int) -> str:
        if not policy.armed_at(datetime.fromtimestamp(now, UTC), self.zone):
            return "disarmed"
        track = hit.track
        if policy.classes is not None and track is not None and track.label not in policy.classes:
            return "class"
        if policy.min_dwell_seconds is not None:
            stayed = hit.payload.get("seconds")
            if not isinstance(stayed, int | float):
                stayed = track.duration if track is not None else 0.0
            if stayed < policy.min_dwell_seconds:
                return "dwell"
        if count < policy.min_count:
            return "count"
        return ""


def _window(times: deque[float], now: float, seconds: float) -> deque[float]:
    while times and times[0] <= now - seconds:
        times.popleft()
    return times
