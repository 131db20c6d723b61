"""`/api/v1/crime/patrol-plan`: the patrol plan for a shift (JSON for the dispatch board, PDF to print)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Query
from fastapi import Response
from pydantic import BaseModel
from pydantic import Field

from safecity.core.http.deps import ServicesDep
from safecity.core.http.outputs import from_row
from safecity.crime.api_params import CellQuery
from safecity.crime.api_params import KindQuery
from safecity.crime.api_params import ModelName
from safecity.crime.api_params import Reader
from safecity.crime.api_params import checked_until
from safecity.crime.patrol_pdf import render_patrol_pdf
from safecity.crime.shift_plan import ShiftPlan
from safecity.crime.shift_plan import plan_shift
from safecity.dispatch.context import DispatchRuntimeDep

router = APIRouter()  # included by crime/api.py under /api/v1/crime

StartQuery = Annotated[
    datetime | None,
    Query(description="Start of the shift (default now); only events before it are used."),
]
HoursQuery = Annotated[float, Query(gt=0, le=24, description="Length of the shift, hours.")]


class PatrolOut(BaseModel):
    unit_id: str
    callsign: str
    lat: float = Field(description="Centre of the cell to patrol.")
    lon: float
    travel_s: float = Field(description="Travel time from the unit's last known position (dispatch router).")
    risk: float = Field(description="Expected events in the cell during the shift.")
    covered_risk: float = Field(description="Risk × share of the shift left after travelling there.")


class PatrolPlanOut(BaseModel):
    start: datetime
    hours: float
    kind: str | None
    model: str
    cell_m: float
    events_used: int
    units_considered: int = Field(description="Available police units with a known position.")
    expected_total: float = Field(description="Expected events in the whole area during the shift.")
    risk_per_unit_hour: float
    covered_share: float = Field(description="Share of the expected events the plan covers.")
    patrols: list[PatrolOut] = Field(description="One per planned unit, most covered risk first.")

    @classmethod
    def of(cls, plan: ShiftPlan) -> PatrolPlanOut:
        patrols = [from_row(PatrolOut, p, lat=p.latitude, lon=p.longitude) for p in plan.patrols]
        return from_row(cls, plan, patrols=patrols)


def shift_plan(
    services: ServicesDep,
    dispatch: DispatchRuntimeDep,
    _: Reader,
    start: StartQuery = None,
    hours: HoursQuery = 8.0,
    kind: KindQuery = None,
    model: Annotated[ModelName, Query(description="Which model forecasts the shift.")] = "self-exciting",
    cell_m: CellQuery = 250.0,
) -> ShiftPlan:
    """The plan both routes answer, from the same query."""
    begin = checked_until(start, services.clock.now(), field="start")
    with services.database.session() as session:
        return plan_shift(session, dispatch.router, begin, hours, kind=kind, model=model, cell_m=cell_m)


PlanDep = Annotated[ShiftPlan, Depends(shift_plan)]


@router.get("/patrol-plan", summary="Patrol plan for a shift: available police units to the riskiest cells")
def patrol_plan(plan: PlanDep) -> PatrolPlanOut:
    return PatrolPlanOut.of(plan)


@router.get(
    "/patrol-plan/pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}},
    summary="The same patrol plan as a printable PDF",
)
def patrol_plan_pdf(plan: PlanDep, services: ServicesDep) -> Response:
    pdf = render_patrol_pdf(plan, services.clock.now())
    headers = {"Content-Disposition": f'inline; filename="patrol-plan-{plan.start:%Y%m%d-%H%M}.pdf"'}
    return Response(pdf, media_type="application/pdf", headers=headers)
