"""`/api/v1/dashboards/city`: city data for planning from the cameras' counts — people and vehicles per place
and hour of the day, peak hours, crowd density (zone occupancy) and traffic flow per junction, as JSON, CSV
and GeoJSON. Only aggregates leave these routes: no track, picture or plate."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from datetime import timedelta
from typing import Annotated
from typing import Any
from typing import Literal

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Query
from fastapi.responses import JSONResponse
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel
from pydantic import Field

from safecity.core.auth.permissions import Permission
from safecity.core.http.deps import ServicesDep
from safecity.core.http.outputs import from_row
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.dashboards import city_counts
from safecity.dashboards import city_export
from safecity.dashboards import city_queries
from safecity.dashboards.city_counts import Junction
from safecity.dashboards.city_counts import LocalHours
from safecity.dashboards.city_counts import Place
from safecity.dashboards.city_queries import CityFilter
from safecity.dashboards.occupancy import hourly_occupancy
from safecity.dashboards.window import resolve_span

router = APIRouter(prefix="/city")
Reader = Annotated[Principal, require(Permission.EVENTS_READ)]

DEFAULT_PERIOD = timedelta(days=7)
MAX_PERIOD = timedelta(days=31)
ObjectClass = Literal["person", "bicycle", "car", "motorcycle", "bus", "truck"]
PERIOD_HELP = (
    "The period is [since, until), both with a time zone, widened to whole hours; `until` defaults to now, "
    f"`since` to {DEFAULT_PERIOD.days} days earlier, at most {MAX_PERIOD.days} days. Hours of the day and "
    "dates are in the console's time zone (`console.timezone`). Counts are line crossings "
    "(`rule.line_crossing`): people are `person`, vehicles `bicycle`, `car`, `motorcycle`, `bus` and "
    "`truck`. A bad period is a 422 naming the parameter."
)
CSV_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}}
}


class CityHourOut(BaseModel):
    hour: int = Field(description="Hour of the day (0–23), local time.")
    people: int = Field(description="People counted in this hour of the day over the whole period.")
    vehicles: int
    mean_occupancy: float = Field(
        description="Objects inside the camera's zones, mean over the period's days."
    )
    peak_occupancy: int = Field(description="Most objects inside the camera's zones at once.")


class CityDayOut(BaseModel):
    date: str = Field(description="Local date, YYYY-MM-DD.")
    people: int
    vehicles: int


class CityCameraOut(BaseModel):
    camera_id: str
    name: str | None = Field(description="Null for a camera no longer registered.")
    district: str | None
    latitude: float | None
    longitude: float | None
    located: bool = Field(description="False: the camera has no position; it is listed but cannot be mapped.")


class CityPlaceOut(CityCameraOut):
    people: int
    vehicles: int
    by_class: dict[str, int] = Field(description="Crossings per object class.")
    peak_hour: int | None = Field(
        description="Hour of the day with the most people and vehicles; null: none."
    )
    mean_occupancy: float = Field(description="Crowd density: mean objects inside the zones over all hours.")
    peak_occupancy: int
    hours: list[CityHourOut] = Field(description="All 24 hours of the day, hours without counts as zeros.")
    days: list[CityDayOut] = Field(description="Every local date the period touches.")


class CityPeriodOut(BaseModel):
    since: datetime
    until: datetime
    timezone: str
    days: float = Field(description="Length of the period in days.")


class CityPlacesOut(CityPeriodOut):
    places: list[CityPlaceOut] = Field(description="Cameras with counts or zone visits in the period, by id.")
    unlocated: list[str] = Field(description="Ids of the places without a position (also in `places`).")


class JunctionMovementOut(BaseModel):
    line: str
    direction: str = Field(description="`in` or `out` across the counting line.")
    total: int
    peak_hour: int | None
    hours: list[int] = Field(description="Vehicles per hour of the day (24 values).")


class JunctionOut(CityCameraOut):
    movements: list[JunctionMovementOut]


class CityJunctionsOut(CityPeriodOut):
    junctions: list[JunctionOut] = Field(description="Cameras counting vehicles over two or more movements.")
    unlocated: list[str]


def city_scope(
    services: ServicesDep,
    since: Annotated[datetime | None, Query(description="Start of the period (inclusive).")] = None,
    until: Annotated[
        datetime | None, Query(description="End of the period (exclusive); default now.")
    ] = None,
    district: Annotated[
        str | None, Query(max_length=100, description="Only cameras of this district.")
    ] = None,
    object_class: Annotated[ObjectClass | None, Query(description="Only this object class.")] = None,
) -> CityFilter:
    start, end = resolve_span(
        since, until, now=services.clock.now(), default_span=DEFAULT_PERIOD, max_span=MAX_PERIOD
    )
    start = start.replace(minute=0, second=0)
    if end.minute or end.second:
        end = end.replace(minute=0, second=0) + timedelta(hours=1)
    return CityFilter(start, end, district, object_class)


CityScope = Annotated[CityFilter, Depends(city_scope)]


def _local_hours(services: ServicesDep, scope: CityScope) -> LocalHours:
    return LocalHours(scope.first_hour, scope.last_hour, services.settings.console.timezone)


LocalHoursDep = Annotated[LocalHours, Depends(_local_hours)]


def _places(services: ServicesDep, scope: CityScope, local: LocalHoursDep) -> list[Place]:
    with services.database.session() as session:
        crossings = city_queries.crossings(session, scope)
        visits = city_queries.zone_visits(session, scope)
        cameras = city_queries.cameras(session)
    occupancy = {
        camera_id: hourly_occupancy(camera_visits, scope.first_hour, scope.last_hour)
        for camera_id, camera_visits in visits.items()
    }
    return city_counts.places(crossings, occupancy, cameras, local)


def _junctions(services: ServicesDep, scope: CityScope, local: LocalHoursDep) -> list[Junction]:
    with services.database.session() as session:
        crossings = city_queries.crossings(session, scope)
        cameras = city_queries.cameras(session)
    return city_counts.junctions(crossings, cameras, local)


PlacesDep = Annotated[list[Place], Depends(_places)]
JunctionsDep = Annotated[list[Junction], Depends(_junctions)]


def _period(services: ServicesDep, scope: CityScope, local: LocalHoursDep) -> CityPeriodOut:
    return CityPeriodOut(
        since=scope.since, until=scope.until, timezone=services.settings.console.timezone, days=local.days
    )


PeriodDep = Annotated[CityPeriodOut, Depends(_period)]


@router.get(
    "/places",
    response_model=CityPlacesOut,
    summary="People and vehicles per place and hour of the day, peak hours, crowd density",
    description="Per camera: crossings per object class, per hour of the day and per date, the peak hour, "
    "and the mean and peak occupancy of its zones (from zone visits). A camera without a position is "
    "listed with `located: false` and in `unlocated`. " + PERIOD_HELP,
)
def city_places(_: Reader, period: PeriodDep, places: PlacesDep) -> CityPlacesOut:
    return CityPlacesOut(
        **period.model_dump(),
        places=[_place_out(place) for place in places],
        unlocated=_unlocated(places),
    )


@router.get(
    "/places.csv",
    response_class=PlainTextResponse,
    responses=CSV_RESPONSES,
    summary="The places' counts as CSV, one row per place and hour of the day",
    description="Columns: " + ", ".join(city_export.PLACE_COLUMNS) + ". " + PERIOD_HELP,
)
def city_places_csv(_: Reader, places: PlacesDep) -> PlainTextResponse:
    return _csv(city_export.places_csv(places), "city-places.csv")


@router.get(
    "/places.geojson",
    response_class=JSONResponse,
    responses={200: {"content": {"application/geo+json": {"schema": {"type": "object"}}}}},
    summary="The places as GeoJSON points with their aggregates as properties",
    description="A FeatureCollection of Points ([longitude, latitude]); cameras without a position are "
    "listed in its `unlocated` member. " + PERIOD_HELP,
)
def city_places_geojson(_: Reader, period: PeriodDep, places: PlacesDep) -> JSONResponse:
    body = city_export.places_geojson(places, period.model_dump(mode="json"))
    return JSONResponse(
        body,
        media_type="application/geo+json",
        headers=_attachment("city-places.geojson"),
    )


@router.get(
    "/junctions",
    response_model=CityJunctionsOut,
    summary="Traffic flow per junction, movement and hour of the day",
    description="Cameras whose vehicles crossed over two or more (line, direction) movements in the "
    "period; per movement, vehicles per hour of the day and its peak hour. " + PERIOD_HELP,
)
def city_junctions(_: Reader, period: PeriodDep, junctions: JunctionsDep) -> CityJunctionsOut:
    return CityJunctionsOut(
        **period.model_dump(),
        junctions=[_junction_out(junction) for junction in junctions],
        unlocated=_unlocated(junctions),
    )


@router.get(
    "/junctions.csv",
    response_class=PlainTextResponse,
    responses=CSV_RESPONSES,
    summary="Junction flows as CSV, one row per junction, movement and hour of the day",
    description="Columns: " + ", ".join(city_export.JUNCTION_COLUMNS) + ". " + PERIOD_HELP,
)
def city_junctions_csv(_: Reader, junctions: JunctionsDep) -> PlainTextResponse:
    return _csv(city_export.junctions_csv(junctions), "city-junctions.csv")


def _camera_fields(counted: Place | Junction) -> dict[str, Any]:
    camera = counted.camera
    return {
        "camera_id": counted.camera_id,
        "name": camera.name,
        "district": camera.district,
        "latitude": camera.latitude,
        "longitude": camera.longitude,
        "located": camera.located,
    }


def _unlocated(counted: Sequence[Place | Junction]) -> list[str]:
    return [item.camera_id for item in counted if not item.camera.located]


def _place_out(place: Place) -> CityPlaceOut:
    return from_row(
        CityPlaceOut,
        place,
        **_camera_fields(place),
        by_class=dict(sorted(place.by_class.items())),
        hours=[from_row(CityHourOut, h) for h in place.hours],
        days=[CityDayOut(date=d.day.isoformat(), people=d.people, vehicles=d.vehicles) for d in place.days],
    )


def _junction_out(junction: Junction) -> JunctionOut:
    return JunctionOut(
        **_camera_fields(junction),
        movements=[
            JunctionMovementOut(
                line=m.line, direction=m.direction, total=m.total, peak_hour=m.peak_hour, hours=m.hours
            )
            for m in junction.movements
        ],
    )


def _csv(text: str, filename: str) -> PlainTextResponse:
    return PlainTextResponse(
        text,
        media_type="text/csv",
        headers=_attachment(filename),
    )


def _attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}
