"""`/api/v1/persons`: the register's data quality — CSV import, duplicate candidates, merge — and
co-occurrences. Kept apart from `api.py` (the records themselves); same prefix and permissions."""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter
from fastapi import Query
from fastapi import UploadFile
from fastapi.concurrency import run_in_threadpool

from safecity.core.audit.actors import Actor
from safecity.core.auth.permissions import Permission
from safecity.core.csv_files import CsvFormatError
from safecity.core.csv_files import decode
from safecity.core.errors import InvalidInputError
from safecity.core.http.access import PersonalDataAccess
from safecity.core.http.access import personal_data_read
from safecity.core.http.auditing import actor_of
from safecity.core.http.deps import ServicesDep
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.core.http.services import Services
from safecity.faces.runtime import FaceWatchlistDep
from safecity.poi import importing
from safecity.poi import merging
from safecity.poi import records
from safecity.poi.cooccurrence import cooccurrences
from safecity.poi.duplicates import Identity
from safecity.poi.duplicates import find_duplicates
from safecity.poi.quality_schemas import CooccurrenceOut
from safecity.poi.quality_schemas import CooccurrencesOut
from safecity.poi.quality_schemas import DuplicateOut
from safecity.poi.quality_schemas import DuplicatesOut
from safecity.poi.quality_schemas import ImportReportOut
from safecity.poi.quality_schemas import MergedOut
from safecity.poi.quality_schemas import MergeIn
from safecity.poi.runtime import PersonsRuntime
from safecity.poi.runtime import PersonsRuntimeDep

router = APIRouter(prefix="/api/v1/persons", tags=["persons of interest"])
Manager = Annotated[Principal, require(Permission.PERSONS_MANAGE)]
Merger = Annotated[Principal, require(Permission.PERSONS_RENEW)]  # a supervisor's decision, like a renewal
DuplicatesRead = Annotated[
    PersonalDataAccess, personal_data_read(Permission.PERSONS_READ, "persons.duplicates")
]
CooccurrencesRead = Annotated[
    PersonalDataAccess, personal_data_read(Permission.PERSONS_READ, "persons.cooccurrences")
]
MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_WINDOW_MINUTES = 120


@router.post(
    "/import",
    response_model=ImportReportOut,
    summary="Create records from a CSV; bad rows and duplicates are skipped and reported by line",
)
async def import_persons(
    file: UploadFile, services: ServicesDep, runtime: PersonsRuntimeDep, principal: Manager
) -> ImportReportOut:
    """Columns as for `safecity persons import` (docs/persons.md). A file that is not UTF-8 CSV, or whose
    header lacks `name`, `status`, `legal_basis` or `review_date`, is a 422 on `file`. The import is audited
    (`persons.import`) and each record made has its own history."""
    data = await file.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise InvalidInputError(f"the file is larger than {MAX_IMPORT_BYTES} bytes", field="file")
    report = await run_in_threadpool(
        _import, services, runtime, actor_of(principal), data, file.filename or "upload.csv"
    )
    return ImportReportOut.model_validate(report.as_dict())


def _import(
    services: Services, runtime: PersonsRuntime, actor: Actor, data: bytes, source: str
) -> importing.ImportReport:
    try:
        text = decode(data)
        with services.database.session() as session:
            return importing.import_persons(
                session, text, actor, runtime.cipher, services.clock.now(), source=source
            )
    except CsvFormatError as exc:
        raise InvalidInputError(str(exc), field="file") from exc


@router.get(
    "/{person_id}/duplicates",
    response_model=DuplicatesOut,
    summary="Records that may be the same person: same CNIC, or same name, father's name and birth date",
)
def person_duplicates(person_id: int, services: ServicesDep, _: DuplicatesRead) -> DuplicatesOut:
    """Names are compared after folding case, spacing and common transliterations (Mohammad/Muhammad);
    CNICs by their keyed hash, nothing decrypted. Records already merged are left out. Audited."""
    with services.database.session() as session:
        person = records.get_person(session, person_id)
        candidates = [
            DuplicateOut(
                person_id=found.person.id,
                name=found.person.name,
                father_name=found.person.father_name,
                status=found.person.status,
                reasons=list(found.reasons),
            )
            for found in find_duplicates(session, Identity.of(person), excluding=person.id)
        ]
        return DuplicatesOut(person_id=person.id, candidates=candidates)


@router.post(
    "/{person_id}/merge",
    response_model=MergedOut,
    summary="Merge another record of the same person into this one (supervisor; audited)",
)
async def merge(
    person_id: int,
    body: MergeIn,
    services: ServicesDep,
    watchlist: FaceWatchlistDep,
    principal: Merger,
) -> MergedOut:
    """This record (the survivor) takes the other's name (as an alias), aliases, FIRs, vehicles (their
    hotlist entries now name the survivor), photos, links, sightings and change history, and any father's
    name, date of birth or CNIC it lacks. The other record is kept, marked `merged_into_id`, off the
    watchlists. Needs `persons.renew`. An unknown, merged or identical `other_id` is a 422 on `other_id`."""
    actor = actor_of(principal)
    result = await run_in_threadpool(_merge, services, person_id, body, actor)
    copied = await run_in_threadpool(
        merging.copy_photos, services.database, watchlist, result, actor, services.clock
    )
    moved = {**result.moved, "photos": result.moved["photos"] + copied}
    return MergedOut(survivor_id=result.survivor_id, merged_id=result.merged_id, moved=moved)


def _merge(services: Services, person_id: int, body: MergeIn, actor: Actor) -> merging.MergeResult:
    with services.database.session() as session:
        return merging.merge_records(
            session, person_id, body.other_id, body.reason, actor, services.clock.now()
        )


@router.get(
    "/{person_id}/co-occurrences",
    response_model=CooccurrencesOut,
    summary="Persons of interest and vehicles seen at the same camera within minutes of this one (audited)",
)
def person_cooccurrences(
    person_id: int,
    services: ServicesDep,
    _: CooccurrencesRead,
    window_minutes: Annotated[
        int, Query(ge=1, le=MAX_WINDOW_MINUTES, description="How close in time counts as together.")
    ] = 5,
    since: Annotated[datetime | None, Query(description="Only this person's sightings from then on.")] = None,
) -> CooccurrencesOut:
    """Around each of the person's sightings (hotlist hits of their vehicles, face matches): other persons'
    sightings and every plate read at that camera within the window (the person's own vehicles left out).
    Strongest first: most sightings together, then most recent. Needs `persons.read` and a purpose."""
    window = timedelta(minutes=window_minutes)
    with services.database.session() as session:
        person = records.get_person(session, person_id)
        found = cooccurrences(session, person, window=window, since=since)
        listed = [
            CooccurrenceOut(
                kind=companion.kind,
                person_id=companion.person_id,
                name=companion.label if companion.kind == "person" else None,
                plate=companion.label if companion.kind == "vehicle" else None,
                count=companion.count,
                cameras=sorted(companion.cameras),
                first_at=companion.first_at,
                last_at=companion.last_at,
            )
            for companion in found
        ]
    return CooccurrencesOut(
        person_id=person_id, window_minutes=window_minutes, since=since, cooccurrences=listed
    )
