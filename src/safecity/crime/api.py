"""`/api/v1/crime`: the hotspot forecast map, the top places with their trend, and the weekly backtest chart,
computed from imported records, incidents, unlinked helpline calls and accepted citizen reports; the
shift's patrol plan (crime/api_patrol.py) is included under the same prefix."""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from typing import Annotated
from typing import Literal

import numpy as np
from fastapi import APIRouter
from fastapi import Query
from pydantic import BaseModel
from pydantic import Field

from safecity.core.http.deps import ServicesDep
from safecity.crime.api_params import CellQuery
from safecity.crime.api_params import KindQuery
from safecity.crime.api_params import ModelName
from safecity.crime.api_params import Reader
from safecity.crime.api_params import checked_until
from safecity.crime.api_patrol import router as patrol_router
from safecity.crime.backtest import backtest
from safecity.crime.backtest import summarise
from safecity.crime.catalog import MODEL_NAMES
from safecity.crime.catalog import model_named
from safecity.crime.cells import grid_over
from safecity.crime.events import days_since_epoch
from safecity.crime.sources import as_events
from safecity.crime.sources import sourced_events

router = APIRouter(prefix="/api/v1/crime", tags=["crime"])
router.include_router(patrol_router)
HISTORY_DAYS = 730
TOP_PLACES = 20

UntilQuery = Annotated[
    datetime | None,
    Query(description="Forecast from this moment (default now); only earlier events are used."),
]


class CellOut(BaseModel):
    lat: float
    lon: float
    score: float = Field(description="Expected number of events in the cell over the horizon.")


class RecentEventOut(BaseModel):
    lat: float
    lon: float
    occurred_at: datetime
    kind: str
    source: str = Field(description="import, incident, call or report.")


class PlaceOut(BaseModel):
    lat: float
    lon: float
    score: float
    last_4_weeks: int = Field(description="Events in the cell in the 28 days before `until`.")
    previous_4_weeks: int = Field(description="Events in the cell in the 28 days before those.")
    trend: Literal["up", "down", "flat"]


class HotspotsOut(BaseModel):
    until: datetime
    days: float
    cell_m: float
    model: str
    events_used: int
    cells: list[CellOut] = Field(description="Cells with a score above zero, riskiest first (at most 3000).")
    recent: list[RecentEventOut] = Field(description="Events of the last `recent_days`, newest first.")
    top_places: list[PlaceOut]


@router.get("/hotspots", summary="Hotspot forecast per crime type and period, recent events and top places")
def hotspots(
    services: ServicesDep,
    _: Reader,
    kind: KindQuery = None,
    until: UntilQuery = None,
    days: Annotated[float, Query(gt=0, le=31, description="Forecast horizon in days.")] = 7.0,
    cell_m: CellQuery = 250.0,
    model: Annotated[ModelName, Query(description="Which model scores the cells.")] = "self-exciting",
    recent_days: Annotated[
        int, Query(ge=1, le=90, description="Days of recent events shown as points.")
    ] = 28,
) -> HotspotsOut:
    end = checked_until(until, services.clock.now())
    with services.database.session() as session:
        rows = sourced_events(session, since=end - timedelta(days=HISTORY_DAYS), until=end, kind=kind)
    events = as_events(rows)
    cells = grid_over(events, cell_m)
    scores = model_named(model).forecast(events, days_since_epoch(end), days, cells)
    lat, lon = events.plane.to_degrees(cells.x, cells.y)
    order = [int(i) for i in np.argsort(-scores, kind="stable") if scores[i] > 0][:3000]
    now_t = days_since_epoch(end)
    last = cells.counts(events.between(now_t - 28, now_t))
    previous = cells.counts(events.between(now_t - 56, now_t - 28))
    recent_cut = end - timedelta(days=recent_days)
    return HotspotsOut(
        until=end,
        days=days,
        cell_m=cell_m,
        model=model,
        events_used=len(events),
        cells=[CellOut(lat=float(lat[i]), lon=float(lon[i]), score=float(scores[i])) for i in order],
        recent=[
            RecentEventOut(
                lat=r.latitude, lon=r.longitude, occurred_at=r.occurred_at, kind=r.kind, source=r.source
            )
            for r in reversed(rows)
            if r.occurred_at >= recent_cut
        ][:5000],
        top_places=[
            PlaceOut(
                lat=float(lat[i]),
                lon=float(lon[i]),
                score=float(scores[i]),
                last_4_weeks=int(last[i]),
                previous_4_weeks=int(previous[i]),
                trend=_trend(int(last[i]), int(previous[i])),
            )
            for i in order[:TOP_PLACES]
        ],
    )


class WeekPointOut(BaseModel):
    start: datetime
    events: int
    pai: float | None = Field(description="Hit rate ÷ area share; null for a week without events.")


class ModelBacktestOut(BaseModel):
    model: str
    pai: float
    pai_low: float
    pai_high: float
    hit_rate: float
    weeks: list[WeekPointOut]


class BacktestOut(BaseModel):
    area_share: float
    cell_m: float
    models: list[ModelBacktestOut]


@router.get("/backtest", summary="Rolling-origin backtest: PAI per week per model over the last weeks")
def backtest_chart(
    services: ServicesDep,
    _: Reader,
    kind: KindQuery = None,
    until: UntilQuery = None,
    weeks: Annotated[int, Query(ge=1, le=26, description="Weekly origins ending at `until`.")] = 8,
    area: Annotated[float, Query(gt=0, lt=1, description="Share of cells flagged.")] = 0.05,
    cell_m: CellQuery = 250.0,
) -> BacktestOut:
    end = checked_until(until, services.clock.now())
    with services.database.session() as session:
        rows = sourced_events(
            session, since=end - timedelta(days=HISTORY_DAYS + 7 * weeks), until=end, kind=kind
        )
    events = as_events(rows)
    cells = grid_over(events, cell_m)
    end_t = days_since_epoch(end)
    origins = [end_t - 7.0 * (weeks - i) for i in range(weeks)]
    out = []
    for name in MODEL_NAMES:
        results = backtest(model_named(name), events, cells, origins, (area,))[area] if len(cells) else []
        summary = summarise(name, results)
        out.append(
            ModelBacktestOut(
                model=name,
                pai=summary.pai.value,
                pai_low=summary.pai.low,
                pai_high=summary.pai.high,
                hit_rate=summary.hit_rate.value,
                weeks=[
                    WeekPointOut(
                        start=end - timedelta(days=7.0 * (weeks - i)), events=week.events, pai=week.pai
                    )
                    for i, week in enumerate(results)
                ],
            )
        )
    return BacktestOut(area_share=area, cell_m=cell_m, models=out)


def _trend(last: int, previous: int) -> Literal["up", "down", "flat"]:
    if last > previous:
        return "up"
    if last < previous:
        return "down"
    return "flat"
