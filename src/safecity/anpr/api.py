"""`/api/v1/plates`: search stored reads, trace a vehicle. Personal-data reads: purpose required, audited."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter
from fastapi import Query
from fastapi.exceptions import RequestValidationError
from pydantic import AwareDatetime
from pydantic import BaseModel
from pydantic import Field
from sqlalchemy.orm import Session

from safecity.anpr import service
from safecity.anpr.models import PlateReadRecord
from safecity.anpr.patterns import PlatePattern
from safecity.anpr.patterns import PlatePatternError
from safecity.anpr.patterns import parse_pattern
from safecity.core.auth.permissions import Permission
from safecity.core.http.access import PersonalDataAccess
from safecity.core.http.access import personal_data_read
from safecity.core.http.deps import ServicesDep
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.core.http.services import Services
from safecity.vision.plates.keys import MAX_STORED_PLATE_LENGTH
from safecity.vision.plates.keys import stored_plate

router = APIRouter(prefix="/api/v1/plates", tags=["plates"])
SearchAccess = Annotated[PersonalDataAccess, personal_data_read(Permission.PLATES_SEARCH, "plate.search")]
TrajectoryAccess = Annotated[
    PersonalDataAccess, personal_data_read(Permission.PLATES_SEARCH, "plate.trajectory")
]

KeyReader = Annotated[Principal, require(Permission.WATCHLISTS_MANAGE)]

PLATE_HELP = "Plate, partial plate or wildcard pattern: `*` any run, `?` one character (LE?-06-57*, *5700)."
Since = Annotated[AwareDatetime | None, Query(description="From this time (ISO 8601 with zone), inclusive.")]
Until = Annotated[AwareDatetime | None, Query(description="Until this time (ISO 8601 with zone), exclusive.")]
Fuzzy = Annotated[
    bool, Query(description="Confusion-aware: 0/O/D/Q, 1/I, 2/Z, 5/S, 8/B, 6/G count as equal.")
]


class PlateReadOut(BaseModel):
    id: int
    event_id: str
    camera_id: str
    time: datetime
    text: str
    plate_key: str
    series: str | None
    year: str | None
    number: str | None
    format: str | None
    matched: bool
    confidence: float
    direction: str | None
    latitude: float | None
    longitude: float | None
    crop_sha256: str | None
    snapshot_sha256: str | None


class ReadsOut(BaseModel):
    reads: list[PlateReadOut]
    count: int
    limit: int


class SightingOut(BaseModel):
    camera_id: str
    time: datetime
    text: str
    latitude: float | None
    longitude: float | None
    confidence: float
    direction: str | None
    crop_sha256: str | None
    event_id: str


class TrajectoryOut(BaseModel):
    plate: str
    sightings: list[SightingOut]
    count: int


class PlateKeyOut(BaseModel):
    plate: str = Field(description="The plate as a hotlist entry stores it: trimmed and upper-cased.")
    key: str = Field(description="What reads are matched on: series + number, letters and digits only.")
    year: str | None = Field(description="The two-digit year when the plate gave one; never compared.")


def _read_out(row: PlateReadRecord) -> PlateReadOut:
    return PlateReadOut.model_validate(row, from_attributes=True)


def _pattern(value: str) -> PlatePattern:
    try:
        return parse_pattern(value)
    except PlatePatternError as exc:
        error = {"type": "value_error", "loc": ("query", "plate"), "msg": str(exc), "input": value}
        raise RequestValidationError([error]) from exc


def _run(services: Services, query: service.ReadQuery) -> list[PlateReadRecord]:
    session: Session
    with services.database.session() as session:
        return service.search_reads(session, query)


@router.get("/reads", response_model=ReadsOut)
def search_reads(
    services: ServicesDep,
    _: SearchAccess,
    plate: Annotated[str | None, Query(description=PLATE_HELP, max_length=24)] = None,
    camera_id: Annotated[str | None, Query(max_length=100)] = None,
    since: Since = None,
    until: Until = None,
    fuzzy: Fuzzy = False,
    limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 100,
) -> ReadsOut:
    """Stored plate reads, newest first (fuzzy: closest first)."""
    query = service.ReadQuery(_pattern(plate) if plate else None, camera_id, since, until, fuzzy, limit)
    rows = _run(services, query)
    return ReadsOut(reads=[_read_out(row) for row in rows], count=len(rows), limit=limit)


@router.get("/trajectory", response_model=TrajectoryOut)
def trajectory(
    services: ServicesDep,
    _: TrajectoryAccess,
    plate: Annotated[str, Query(description=PLATE_HELP, max_length=24)],
    since: Since = None,
    until: Until = None,
    fuzzy: Fuzzy = False,
) -> TrajectoryOut:
    """Where has this vehicle been: its sightings, oldest first, with camera coordinates."""
    pattern = _pattern(plate)
    with services.database.session() as session:
        rows = service.trajectory(session, pattern, since, until, fuzzy=fuzzy)
        sightings = [SightingOut.model_validate(row, from_attributes=True) for row in rows]
    return TrajectoryOut(plate=plate, sightings=sightings, count=len(sightings))


@router.get(
    "/key",
    response_model=PlateKeyOut,
    summary="What a typed plate is stored and matched as",
    responses={422: {"description": "The plate cannot be stored; `detail[0].msg` names the problem."}},
)
def key_of_plate(
    _: KeyReader,
    plate: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_STORED_PLATE_LENGTH,
            description="A plate as typed, e.g. LEB-06-5700.",
        ),
    ],
) -> PlateKeyOut:
    """The server's own plate rules, for a form's preview: the plate as a hotlist entry would store it, the
    key reads are matched on (series + number; a two-digit middle group is the year and is left out) and
    that year. The same rules as `POST /api/v1/hotlists/{id}/entries`; reads no personal data, so it asks
    for no purpose."""
    try:
        stored, key = stored_plate(plate)
    except ValueError as exc:
        error = {"type": "value_error", "loc": ("query", "plate"), "msg": str(exc), "input": plate}
        raise RequestValidationError([error]) from exc
    return PlateKeyOut(plate=stored, key=key.key, year=key.year)
