"""`/api/v1/persons`: the register's data quality — CSV import, duplicate candidates, merge — and
co-occurrences. Kept apart from `api.py` (the records themselves); same prefix and permissions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, UploadFile
from fastapi.concurrency import run_in_threadpool

from safecity.core.audit.actors import Actor
from safecity.core.auth.permissions import Permission
from safecity.core.errors import InvalidInputError
from safecity.core.http.access import PersonalDataAccess, personal_data_read
from safecity.core.http.auditing import actor_of
from safecity.core.http.deps import ServicesDep
from safecity.core.http.security import Principal, require
from safecity.core.http.services import Services
from safecity.poi import importing, records
from safecity.poi.duplicates import Identity, find_duplicates
from safecity.poi.quality_schemas import DuplicateOut, DuplicatesOut, ImportReportOut
from safecity.poi.runtime import PersonsRuntime, PersonsRuntimeDep

router = APIRouter(prefix="/api/v1/persons", tags=["persons of interest"])
Manager = Annotated[Principal, require(Permission.PERSONS_MANAGE)]
DuplicatesRead = Annotated[
    PersonalDataAccess, personal_data_read(Permission.PERSONS_READ, "persons.duplicates")
]
MAX_IMPORT_BYTES = 20 * 1024 * 1024


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
        text = importing.decode(data)
        with services.database.session() as session:
            return importing.import_persons(
                session, text, actor, runtime.cipher, services.clock.now(), source=source
            )
    except importing.CsvFormatError as exc:
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
