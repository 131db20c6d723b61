"""The demo's seeded data lets a new user walk the whole operator journey: units exist to dispatch."""

from __future__ import annotations

from pathlib import Path

from safecity.cameras.samples import SAMPLE_SITES
from safecity.core.db import Database
from safecity.core.schema import upgrade
from safecity.demo import DEMO_UNITS, seed_units
from safecity.dispatch.routing import GreatCircleRouter
from safecity.dispatch.units import list_units, recommend


def test_seeded_units_are_available_and_recommended_near_every_sample_camera(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    upgrade(url)
    database = Database(url)
    try:
        assert seed_units(database) == len(DEMO_UNITS)
        with database.session() as session:
            assert {unit.status for unit in list_units(session)} == {"available"}
            for _, name, latitude, longitude, *_ in SAMPLE_SITES:
                nearest = recommend(session, GreatCircleRouter(), latitude, longitude, limit=1)
                assert nearest, f"no unit to recommend at {name}"
                assert nearest[0].distance_m < 10_000, f"the nearest unit to {name} is too far away"
    finally:
        database.dispose()
