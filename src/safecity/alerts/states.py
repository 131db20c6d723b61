"""The alert state machine as an explicit transition table; anything not listed is refused (HTTP 409)."""

from __future__ import annotations

from enum import StrEnum

from safecity.core.errors import ConflictError


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


SEVERITY_RANK = {
    Severity.CRITICAL: 0,
    Severity.HIGH: 1,
    Severity.MEDIUM: 2,
    Severity.LOW: 3,
    Severity.INFO: 4,
}


class AlertStatus(StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    ASSIGNED = "assigned"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    ESCALATED = "escalated"
    RESOLVED = "resolved"  # the source cleared by itself (a camera came back online)


class Disposition(StrEnum):
    """What a closed alarm turned out to be: the measure of a rule's precision."""

    TRUE = "true"  # something happened that needed the operator
    FALSE = "false"  # nothing happened (a shadow, a tracker mistake)
    NUISANCE = "nuisance"  # it happened, but nobody needs to be called for it


_S = AlertStatus
_LIVE = frozenset({_S.ACKNOWLEDGED, _S.ASSIGNED, _S.CONFIRMED, _S.DISMISSED, _S.ESCALATED, _S.RESOLVED})

TRANSITIONS: dict[AlertStatus, frozenset[AlertStatus]] = {
    _S.NEW: _LIVE,
    _S.ESCALATED: _LIVE,  # escalating again raises the level
    _S.ACKNOWLEDGED: _LIVE - {_S.ACKNOWLEDGED},
    _S.ASSIGNED: _LIVE - {_S.ACKNOWLEDGED},  # assigning again re-assigns
    _S.CONFIRMED: frozenset({_S.ASSIGNED, _S.ESCALATED, _S.RESOLVED}),
    _S.DISMISSED: frozenset(),
    _S.RESOLVED: frozenset(),
}

#: States in which a repeat of the same subject is merged into the alert (counted) rather than raised anew.
#: A dismissed alert keeps absorbing repeats until its cooldown passes: that is what the cooldown is for.
MERGING = frozenset(set(AlertStatus) - {_S.RESOLVED})
OPEN = frozenset({_S.NEW, _S.ACKNOWLEDGED, _S.ASSIGNED, _S.CONFIRMED, _S.ESCALATED})


class InvalidTransitionError(ConflictError):
    def __init__(self, current: AlertStatus, wanted: AlertStatus) -> None:
        super().__init__(f"an alert in state {current.value!r} cannot become {wanted.value!r}")
        self.current = current
        self.wanted = wanted


def check_transition(current: AlertStatus, wanted: AlertStatus) -> None:
    if wanted not in TRANSITIONS[current]:
        raise InvalidTransitionError(current, wanted)
