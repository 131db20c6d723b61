"""A simulated shift: calls and camera alerts arrive over a seeded RNG's schedule and units work them.

Every recommendation is checked against a brute-force nearest-by-travel-time search over the units the
simulation knows to be free, every assignment timestamp against the simulated moment, and every metric
(per incident and the percentiles per type and shift) against an independent computation.
"""

from __future__ import annotations

import heapq
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta

import numpy as np
import pytest

from safecity.alerts.consumer import AlertConsumer
from safecity.config.dispatch import DispatchSettings
from safecity.config.dispatch import ResponseTargets
from safecity.core.bus import Event
from safecity.core.db import Database
from safecity.dispatch import calls
from safecity.dispatch import metrics
from safecity.dispatch import opening
from safecity.dispatch import units
from safecity.dispatch.routing import GreatCircleRouter
from safecity.dispatch.states import UnitStatus
from safecity.dispatch.taxonomy import Taxonomy
from tests.alerts.fakes import START

SEED = 1122
EVENTS = 60
CENTRE = (31.52, 74.35)  # Lahore
UNIT_TYPES = (
    [units.UnitType.POLICE_PATROL] * 4 + [units.UnitType.DOLPHIN] * 3 + [units.UnitType.AMBULANCE] * 3
)
CALL_TYPES = ["street_crime", "robbery", "harassment", "accident", "medical", "public_order"]
ROUTER = GreatCircleRouter(road_factor=1.4, speed_kmh=30)
TAXONOMY = Taxonomy()


@dataclass
class Expected:
    type: str
    received_at: datetime
    call_processing: float | None = None
    turnout: float | None = None
    travel: float | None = None
    stamps: dict[str, datetime] = field(default_factory=dict)


def _point(rng: random.Random) -> tuple[float, float]:
    return CENTRE[0] + rng.uniform(-0.08, 0.08), CENTRE[1] + rng.uniform(-0.08, 0.08)


def test_a_shift_of_calls_and_alerts(database: Database) -> None:
    rng = random.Random(SEED)
    queue: list[tuple[datetime, int, Callable[[datetime], None]]] = []
    counter = iter(range(10**9))
    positions: dict[str, tuple[float, float]] = {}
    free: set[str] = set()
    expected: dict[int, Expected] = {}
    irrelevant = 0
    unserved: list[int] = []
    alert_consumer = AlertConsumer(database, None)  # type: ignore[arg-type]

    def later(at: datetime, action: Callable[[datetime], None]) -> None:
        heapq.heappush(queue, (at, next(counter), action))

    with database.session() as session:
        for index, unit_type in enumerate(UNIT_TYPES):
            unit_id = f"U{index:02d}"
            positions[unit_id] = _point(rng)
            units.create_unit(
                session,
                unit_id,
                unit_id,
                unit_type,
                START,
                latitude=positions[unit_id][0],
                longitude=positions[unit_id][1],
            )
            free.add(unit_id)

    def brute_force(lat: float, lon: float, capability: str) -> tuple[str, float] | None:
        candidates = [
            (ROUTER.travel_seconds([positions[u]], (lat, lon))[0], u)
            for u in free
            if capability in units.DEFAULT_CAPABILITIES[UNIT_TYPES[int(u[1:])]]
        ]
        if not candidates:
            return None
        travel, unit_id = min(candidates)
        return unit_id, travel

    def dispatch(incident_id: int, lat: float, lon: float, capability: str) -> Callable[[datetime], None]:
        def act(now: datetime) -> None:
            with database.session() as session:
                recommended = units.recommend(session, ROUTER, lat, lon, capability=capability, limit=3)
                best = brute_force(lat, lon, capability)
                if best is None:
                    assert recommended == []
                    unserved.append(incident_id)
                    return
                assert recommended[0].unit.id == best[0]
                assert recommended[0].travel_s == pytest.approx(best[1])
                assert [r.travel_s for r in recommended] == sorted(r.travel_s for r in recommended)
                unit_id, travel = best
                units.assign(session, incident_id, unit_id, "dispatcher", now, estimated_travel_s=travel)
            free.discard(unit_id)
            record = expected[incident_id]
            record.call_processing = (now - record.received_at).total_seconds()
            record.stamps["dispatched_at"] = now
            turnout = rng.uniform(20, 120)
            later(
                now + timedelta(seconds=turnout), unit_step(unit_id, incident_id, UnitStatus.EN_ROUTE, travel)
            )

        return act

    def unit_step(
        unit_id: str, incident_id: int, status: UnitStatus, travel: float
    ) -> Callable[[datetime], None]:
        def act(now: datetime) -> None:
            with database.session() as session:
                unit = units.set_status(session, unit_id, status, unit_id, now)
                assert unit.status == status.value
                if status == UnitStatus.ON_SCENE:  # the unit's AVL reports it at the scene
                    units.update_location(session, unit_id, *incident_lat_lon[incident_id], now)
            record = expected[incident_id]
            if status == UnitStatus.EN_ROUTE:
                record.turnout = (now - record.stamps["dispatched_at"]).total_seconds()
                record.stamps["en_route_at"] = now
                later(
                    now + timedelta(seconds=travel),
                    unit_step(unit_id, incident_id, UnitStatus.ON_SCENE, travel),
                )
            elif status == UnitStatus.ON_SCENE:
                record.travel = (now - record.stamps["en_route_at"]).total_seconds()
                record.stamps["on_scene_at"] = now
                positions[unit_id] = incident_lat_lon[incident_id]
                later(
                    now + timedelta(seconds=rng.uniform(300, 1500)),
                    unit_step(unit_id, incident_id, UnitStatus.CLEARED, travel),
                )
            elif status == UnitStatus.CLEARED:
                record.stamps["cleared_at"] = now
                later(
                    now + timedelta(seconds=60), unit_step(unit_id, incident_id, UnitStatus.AVAILABLE, travel)
                )
            elif status == UnitStatus.AVAILABLE:
                free.add(unit_id)

        return act

    incident_lat_lon: dict[int, tuple[float, float]] = {}

    def call_arrives(now: datetime) -> None:
        nonlocal irrelevant
        lat, lon = _point(rng)
        number = f"0300{rng.randrange(10**7):07d}"
        if rng.random() < 0.55:  # PSCA: most calls to 15 are irrelevant
            disposition = rng.choice([calls.Disposition.IRRELEVANT, calls.Disposition.PRANK])
            with database.session() as session:
                call = calls.take_call(
                    session, TAXONOMY, calls.CallInput(number, disposition), "taker", now
                ).call
                assert call.incident_id is None
            irrelevant += 1
            return
        kind = rng.choice(CALL_TYPES)
        data = calls.CallInput(
            number,
            calls.Disposition.INCIDENT,
            received_at=now,
            latitude=lat,
            longitude=lon,
            type=kind,
            area=rng.choice(["north", "south"]),
        )
        taken_at = now + timedelta(seconds=rng.uniform(15, 45))
        with database.session() as session:
            incident_id = calls.take_call(session, TAXONOMY, data, "taker", taken_at).call.incident_id
        assert incident_id is not None
        expected[incident_id] = Expected(kind, now)
        incident_lat_lon[incident_id] = (lat, lon)
        later(
            taken_at + timedelta(seconds=rng.uniform(5, 60)),
            dispatch(incident_id, lat, lon, TAXONOMY.get(kind).capability),
        )

    def alert_arrives(now: datetime) -> None:
        lat, lon = _point(rng)
        event = Event(
            type="rule.crowd",
            camera_id=f"cam-{rng.randrange(100)}",
            time=now,
            payload={"rule": "square", "lat": lat, "lon": lon},
        )
        (created,) = alert_consumer.apply(event)
        opened_at = now + timedelta(seconds=rng.uniform(10, 40))
        with database.session() as session:
            opened = opening.open_incident(
                session,
                TAXONOMY,
                opening.IncidentInput(
                    type="public_order",
                    origin="alert",
                    latitude=lat,
                    longitude=lon,
                    area="centre",
                    received_at=now,
                ),
                "operator",
                opened_at,
                links=[opening.LinkInput("alert", str(created.alert.id))],  # type: ignore[attr-defined]
            )
            incident_id = opened.incident.id
        expected[incident_id] = Expected("public_order", now)
        incident_lat_lon[incident_id] = (lat, lon)
        later(opened_at + timedelta(seconds=rng.uniform(5, 30)), dispatch(incident_id, lat, lon, "police"))

    moment = START
    for _ in range(EVENTS):
        moment += timedelta(seconds=rng.expovariate(1 / 240))
        later(moment, alert_arrives if rng.random() < 0.2 else call_arrives)
    while queue:
        at, _, action = heapq.heappop(queue)
        action(at)

    # Every unit is back and free; every incident's timers are what the simulation did.
    calendar = metrics.ShiftCalendar(DispatchSettings().shifts, "Asia/Karachi")
    with database.session() as session:
        assert {u.status for u in units.list_units(session)} == {"available"}
        times = metrics.load_times(session, START, moment + timedelta(days=1), calendar)
        call_counts = calls.stats(session, START, moment + timedelta(days=1))
        for incident_id, record in expected.items():
            for assignment in units.assignments_of(session, incident_id):
                for stamp, value in record.stamps.items():
                    assert getattr(assignment, stamp) == value
    assert call_counts["irrelevant"] + call_counts["prank"] == irrelevant
    assert len(times) == len(expected) > 10
    served = [i for i in expected if i not in unserved]
    assert len(served) > len(expected) // 2
    for item in times:
        record = expected[item.incident_id]
        assert item.type == record.type
        assert item.call_processing == pytest.approx(record.call_processing)
        assert item.turnout == pytest.approx(record.turnout)
        assert item.travel == pytest.approx(record.travel)
        if record.call_processing is not None:
            total = record.call_processing + (record.turnout or 0) + (record.travel or 0)
            assert item.total_response == pytest.approx(total)

    targets = ResponseTargets()
    for group_by in ("type", "shift"):
        summary = metrics.summarize(times, targets, group_by)  # type: ignore[arg-type]
        groups: dict[str, list[float]] = defaultdict(list)
        for item in times:
            if item.call_processing is not None:
                groups[str(getattr(item, group_by))].append(item.call_processing)
        for key, values in groups.items():
            stats = summary[key]["call_processing"]
            assert stats.count == len(values)
            assert stats.p90 == pytest.approx(float(np.percentile(values, 90)))
            within = sum(v <= targets.call_processing_s for v in values) / len(values)
            assert stats.within_target == pytest.approx(within)
            assert stats.met == (within >= 0.9)
    everything = metrics.summarize(times, targets)["all"]
    assert everything["travel"].count == len(served)
