"""The shift's patrol plan over HTTP: available police units with a position go to the riskiest cells, the
same plan prints as a PDF, and a start without a time zone is a 422 naming `start`."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

import numpy as np
from fastapi.testclient import TestClient

from safecity.core.http.services import Services
from safecity.crime.csv_source import CrimeRow
from safecity.crime.csv_source import CsvReadReport
from safecity.crime.store import import_records
from safecity.dispatch.units import UnitType
from safecity.dispatch.units import create_unit
from tests.alerts.fakes import FakeClock
from tests.api.conftest import auth_once

NOW = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
HOT = (39.1045, -84.4942)
WARM = (39.1200, -84.4700)


def _seed(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    services.clock = FakeClock(NOW)
    rng = np.random.default_rng(4)
    rows = [
        CrimeRow(
            i + 2,
            NOW - timedelta(days=float(rng.uniform(0.5, 90))),
            centre[0] + rng.normal(0, 0.0003),
            centre[1] + rng.normal(0, 0.0003),
            "burglary",
        )
        for i, centre in enumerate([HOT] * 120 + [WARM] * 60)
    ] + [
        CrimeRow(
            300 + i,
            NOW - timedelta(days=float(rng.uniform(0.5, 90))),
            39.09 + rng.uniform(0, 0.04),
            -84.52 + rng.uniform(0, 0.06),
            "burglary",
        )
        for i in range(60)
    ]
    with services.database.session() as session:
        import_records(session, CsvReadReport(rows=rows), source_file="t.csv", by="test", now=NOW)
        create_unit(session, "p1", "Alpha 1", UnitType.POLICE_PATROL, NOW, latitude=39.10, longitude=-84.50)
        create_unit(session, "d1", "Dolphin 7", UnitType.DOLPHIN, NOW, latitude=39.11, longitude=-84.48)
        create_unit(session, "a1", "Rescue 3", UnitType.AMBULANCE, NOW, latitude=39.10, longitude=-84.49)
        create_unit(session, "p2", "Alpha 2", UnitType.POLICE_PATROL, NOW)  # no position yet
    return services


def test_units_patrol_the_two_hotspots_the_plan_prints_and_bad_input_is_422(client: TestClient) -> None:
    _seed(client)
    headers = auth_once(client, "supervisor")

    response = client.get("/api/v1/crime/patrol-plan", params={"hours": 8}, headers=headers)
    pdf = client.get("/api/v1/crime/patrol-plan/pdf", params={"hours": 8}, headers=headers)
    naive = client.get("/api/v1/crime/patrol-plan", params={"start": "2026-03-02T06:00:00"}, headers=headers)
    too_long = client.get("/api/v1/crime/patrol-plan/pdf", params={"hours": 30}, headers=headers)

    assert response.status_code == 200, response.text
    plan: dict[str, Any] = response.json()
    assert plan["units_considered"] == 2  # the ambulance and the unit without a position are left out
    assert sorted(p["unit_id"] for p in plan["patrols"]) == ["d1", "p1"]
    places = {(round(p["lat"], 2), round(p["lon"], 2)) for p in plan["patrols"]}
    assert len(places) == 2
    for patrol in plan["patrols"]:
        near_hot = abs(patrol["lat"] - HOT[0]) < 0.003 and abs(patrol["lon"] - HOT[1]) < 0.004
        near_warm = abs(patrol["lat"] - WARM[0]) < 0.003 and abs(patrol["lon"] - WARM[1]) < 0.004
        assert near_hot or near_warm, patrol
        assert 0 < patrol["travel_s"] < 8 * 3600
        assert 0 < patrol["covered_risk"] <= patrol["risk"]
    assert 0 < plan["covered_share"] < 1
    assert plan["events_used"] == 240
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert b"Alpha 1" in pdf.content
    assert b"Dolphin 7" in pdf.content
    assert naive.status_code == 422
    assert "start" in naive.text
    assert too_long.status_code == 422
    assert "hours" in too_long.text
