"""`/api/v1/crime` over HTTP: forecasts fed by imported records, incidents, unlinked calls and accepted
citizen reports; the backtest chart; 422 for bad parameters."""

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
from safecity.crime.sources import sourced_events
from safecity.crime.store import import_records
from safecity.dispatch.models import HelplineCall
from safecity.dispatch.models import Incident
from safecity.reports.models import CitizenReport
from tests.alerts.fakes import FakeClock
from tests.api.conftest import auth

NOW = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
HOT = (39.1045, -84.4942)


def _services(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services


def _seed(client: TestClient) -> None:
    rng = np.random.default_rng(0)
    rows = [
        CrimeRow(
            i + 2,
            NOW - timedelta(days=int(rng.integers(1, 120))),
            HOT[0] + rng.normal(0, 0.0004),
            HOT[1] + rng.normal(0, 0.0004),
            "burglary",
        )
        for i in range(150)
    ] + [
        CrimeRow(
            200 + i,
            NOW - timedelta(days=int(rng.integers(1, 120))),
            39.09 + rng.uniform(0, 0.03),
            -84.52 + rng.uniform(0, 0.04),
            "burglary",
        )
        for i in range(100)
    ]
    services = _services(client)
    with services.database.session() as session:
        result = import_records(session, CsvReadReport(rows=rows), source_file="t.csv", by="test", now=NOW)
        assert result.added == 250
        stamp = NOW - timedelta(days=2)
        session.add(
            Incident(
                type="burglary",
                priority=2,
                status="new",
                title="t",
                origin="manual",
                latitude=HOT[0],
                longitude=HOT[1],
                received_at=stamp,
                created_at=stamp,
                created_by="t",
                updated_at=stamp,
            )
        )
        session.add(
            HelplineCall(
                caller_number="1",
                caller_key="1",
                received_at=stamp,
                taken_by="t",
                latitude=HOT[0],
                longitude=HOT[1],
                type="burglary",
                disposition="info",
                updated_at=stamp,
            )
        )
        session.add(
            CitizenReport(
                service_code="burglary",
                latitude=HOT[0],
                longitude=HOT[1],
                token_sha256="x",
                status="open",
                moderation="accepted",
                requested_at=stamp,
                updated_at=stamp,
            )
        )
        session.add(
            CitizenReport(
                service_code="burglary",
                latitude=HOT[0],
                longitude=HOT[1],
                token_sha256="y",
                status="open",
                moderation="pending",
                requested_at=stamp,
                updated_at=stamp,
            )
        )


def test_every_source_feeds_the_map_and_the_planted_hotspot_is_on_top(client: TestClient) -> None:
    _seed(client)
    _services(client).clock = FakeClock(NOW)
    with _services(client).database.session() as session:
        events = sourced_events(session, since=NOW - timedelta(days=7), until=NOW)

    response = client.get(
        "/api/v1/crime/hotspots", params={"kind": "burglary"}, headers=auth(client, "supervisor")
    )

    assert sorted(event.source for event in events if event.source != "import") == [
        "call",
        "incident",
        "report",
    ]
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    top = body["top_places"][0]
    assert abs(top["lat"] - HOT[0]) < 0.003
    assert abs(top["lon"] - HOT[1]) < 0.004
    assert body["events_used"] == 253  # 250 imported + incident + call + accepted report, not the pending one
    assert body["recent"]
    assert all(cell["score"] > 0 for cell in body["cells"])


def test_the_backtest_chart_has_a_pai_per_week_per_model_and_bad_parameters_are_422(
    client: TestClient,
) -> None:
    _seed(client)
    _services(client).clock = FakeClock(NOW)
    headers = auth(client, "supervisor")

    response = client.get("/api/v1/crime/backtest", params={"weeks": 2}, headers=headers)
    refused = client.get("/api/v1/crime/hotspots", params={"days": 0}, headers=headers)

    assert response.status_code == 200, response.text
    models = response.json()["models"]
    assert [model["model"] for model in models] == ["self-exciting", "kde", "blend"]
    assert all(len(model["weeks"]) == 2 for model in models)
    assert refused.status_code == 422
    assert "days" in refused.text
