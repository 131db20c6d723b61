"""Eight dispatchers assigning the same unit at the same moment: exactly one wins, on both databases."""

from __future__ import annotations

import threading

from sqlalchemy import func
from sqlalchemy import select

from safecity.core.db import Database
from safecity.dispatch import incidents
from safecity.dispatch import opening
from safecity.dispatch import units
from safecity.dispatch.models import Assignment
from safecity.dispatch.models import Unit
from safecity.dispatch.taxonomy import Taxonomy
from tests.alerts.fakes import START

DISPATCHERS = 8


def test_exactly_one_concurrent_assignment_of_a_unit_wins(database: Database) -> None:
    with database.session() as session:
        units.create_unit(
            session, "DOL-1", "Dolphin 1", units.UnitType.DOLPHIN, START, latitude=31.5, longitude=74.3
        )
        targets = [
            opening.open_incident(
                session, Taxonomy(), opening.IncidentInput(type="robbery"), "op", START
            ).incident.id
            for _ in range(DISPATCHERS)
        ]
    barrier = threading.Barrier(DISPATCHERS)
    outcomes: list[str] = []

    def dispatcher(incident_id: int) -> None:
        barrier.wait()
        try:
            with database.session() as session:
                units.assign(session, incident_id, "DOL-1", f"dispatcher-{incident_id}", START)
            outcomes.append("won")
        except units.UnitUnavailableError:
            outcomes.append("refused")

    threads = [threading.Thread(target=dispatcher, args=(incident_id,)) for incident_id in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["refused"] * (DISPATCHERS - 1) + ["won"]
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Assignment)) == 1
        unit = session.get(Unit, "DOL-1")
        assert unit is not None
        assert (unit.status, unit.version) == ("dispatched", 2)
        winner = session.scalars(select(Assignment)).one()
        assert unit.current_assignment_id == winner.id
        statuses = {i.id: i.status for i in incidents.list_incidents(session)}
    assert sorted(statuses.values()) == ["dispatched"] + ["new"] * (DISPATCHERS - 1)
    assert statuses[winner.incident_id] == "dispatched"
