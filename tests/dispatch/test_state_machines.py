"""Incident and unit lifecycles: every transition outside the tables is refused (409 over HTTP)."""

from __future__ import annotations

from itertools import product

import pytest

from safecity.dispatch.states import INCIDENT_TRANSITIONS
from safecity.dispatch.states import UNIT_TRANSITIONS
from safecity.dispatch.states import IncidentStatus
from safecity.dispatch.states import TransitionError
from safecity.dispatch.states import UnitStatus
from safecity.dispatch.states import check_incident
from safecity.dispatch.states import check_unit


@pytest.mark.parametrize(("current", "wanted"), list(product(IncidentStatus, IncidentStatus)))
def test_incident_transitions(current: IncidentStatus, wanted: IncidentStatus) -> None:
    if wanted in INCIDENT_TRANSITIONS[current]:
        check_incident(current.value, wanted)
    else:
        with pytest.raises(TransitionError):
            check_incident(current.value, wanted)


@pytest.mark.parametrize(("current", "wanted"), list(product(UnitStatus, UnitStatus)))
def test_unit_transitions(current: UnitStatus, wanted: UnitStatus) -> None:
    if wanted in UNIT_TRANSITIONS[current]:
        check_unit(current.value, wanted)
    else:
        with pytest.raises(TransitionError):
            check_unit(current.value, wanted)


def test_dispatch_happens_only_through_assignment() -> None:
    assert all(UnitStatus.DISPATCHED not in allowed for allowed in UNIT_TRANSITIONS.values())
    assert INCIDENT_TRANSITIONS[IncidentStatus.CLOSED] == frozenset()
