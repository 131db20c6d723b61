"""`safecity persons import` and `POST /api/v1/persons/import`: records from a CSV, each row on its own.

Columns (header row required, order free, names case-insensitive; spaces and apostrophes may be used, so
`Father's name` is `father_name`):

| column | |
|---|---|
| `name` | required |
| `aliases` | other names, separated by `;` |
| `father_name` | |
| `date_of_birth` | `YYYY-MM-DD` |
| `cnic` | 13 digits, `35202-1234567-1` or bare |
| `status` | wanted, proclaimed offender (`proclaimed_offender`), missing, suspect, released |
| `legal_basis` | required: court order, warrant or FIR reference |
| `legal_basis_expires` | `YYYY-MM-DD`, not past |
| `review_date` | required, `YYYY-MM-DD`, not past |
| `firs` | `number @ police station`, several separated by `;` (`123/2026 @ Model Town`) |
| `plates` | vehicle plates, separated by `;` (each goes on the persons-of-interest hotlist) |
| `notes` | |

A row with a bad field is skipped and reported with its line and the field; a row that is a duplicate of
a record already there (or of an earlier row) is skipped and reported with the record(s) and the reason.
The import is one audit entry (`persons.import`); each record made has its own history row and audit entry.
"""

from __future__ import annotations

from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.audit.actors import audit_change
from safecity.core.csv_files import dict_reader
from safecity.core.errors import ConflictError
from safecity.core.errors import InvalidInputError
from safecity.poi.duplicates import find_duplicates
from safecity.poi.duplicates import identity_of
from safecity.poi.history import PERSON
from safecity.poi.identity import IdentityCipher
from safecity.poi.records import add_vehicle
from safecity.poi.records import check_dates
from safecity.poi.records import create_person
from safecity.poi.schemas import PersonIn
from safecity.poi.schemas import VehicleIn

COLUMNS = (
    "name",
    "aliases",
    "father_name",
    "date_of_birth",
    "cnic",
    "status",
    "legal_basis",
    "legal_basis_expires",
    "review_date",
    "firs",
    "plates",
    "notes",
)
REQUIRED_COLUMNS = ("name", "status", "legal_basis", "review_date")
LIST_SEPARATOR = ";"
FIR_SEPARATOR = "@"


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    field: str | None
    message: str


@dataclass(frozen=True, slots=True)
class RowDuplicate:
    line: int
    person_ids: tuple[int, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class RowCreated:
    line: int
    person_id: int


@dataclass(slots=True)
class ImportReport:
    created: list[RowCreated] = field(default_factory=list)
    duplicates: list[RowDuplicate] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return len(self.duplicates) + len(self.errors)

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": [asdict(c) for c in self.created],
            "duplicates": [asdict(d) for d in self.duplicates],
            "errors": [asdict(e) for e in self.errors],
        }


def column_name(header: str) -> str:
    """`Father's name` → `father_name`, `Date of birth` → `date_of_birth`."""
    return "_".join(header.strip().lower().replace("'s", "").replace("'", "").split())


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def _firs(value: str) -> list[dict[str, str]]:
    firs = []
    for part in _split(value):
        number, separator, station = part.partition(FIR_SEPARATOR)
        if not separator:
            raise InvalidInputError(f"{part!r} is not `number @ police station`", field="firs")
        firs.append({"number": number.strip(), "police_station": station.strip()})
    return firs


def _status(value: str) -> str:
    return "_".join(value.strip().lower().split())


def person_in(values: dict[str, str]) -> tuple[PersonIn, list[VehicleIn]]:
    """The row as the API's input; InvalidInputError naming the field when a value is wrong."""
    data: dict[str, Any] = {
        "name": values.get("name", ""),
        "aliases": _split(values.get("aliases", "")),
        "father_name": values.get("father_name", ""),
        "status": _status(values.get("status", "")),
        "legal_basis": values.get("legal_basis", ""),
        "notes": values.get("notes", ""),
        "firs": _firs(values.get("firs", "")),
    }
    for name in ("date_of_birth", "cnic", "legal_basis_expires", "review_date"):
        if values.get(name):
            data[name] = values[name]
    try:
        person = PersonIn.model_validate(data)
        vehicles = [VehicleIn(plate=plate) for plate in _split(values.get("plates", ""))]
    except ValidationError as exc:
        first = exc.errors()[0]
        where = first["loc"][0] if first["loc"] else None
        column = "plates" if where == "plate" else str(where) if where is not None else None
        raise InvalidInputError(first["msg"], field=column) from exc
    return person, vehicles


def _add_vehicles(
    session: Session, person_id: int, vehicles: list[VehicleIn], actor: Actor, now: datetime
) -> None:
    for vehicle in vehicles:
        try:
            add_vehicle(session, person_id, vehicle, actor, now)
        except ConflictError as exc:  # the plate is another record's vehicle already
            raise InvalidInputError(str(exc), field="plates") from exc


def import_persons(
    session: Session, text: str, actor: Actor, cipher: IdentityCipher, now: datetime, *, source: str
) -> ImportReport:
    """Create a record for every good row that is not a duplicate (each row in its own savepoint);
    `source` (the file's name) is what the import's audit entry is about."""
    reader = dict_reader(text, REQUIRED_COLUMNS, column_name)
    report = ImportReport()
    for row in reader:
        line = reader.line_num
        if None in row:
            report.errors.append(RowError(line, None, "more fields than the header has columns"))
            continue
        values = {k: (v or "").strip() for k, v in row.items() if k in COLUMNS}
        if not any(values.values()):
            continue  # a blank line
        try:
            data, vehicles = person_in(values)
            check_dates(
                now.date(), legal_basis_expires=data.legal_basis_expires, review_date=data.review_date
            )
        except InvalidInputError as exc:
            report.errors.append(RowError(line, exc.field, exc.message))
            continue
        wanted = identity_of(data.name, data.father_name, data.date_of_birth, data.cnic, cipher)
        if duplicates := find_duplicates(session, wanted):
            reasons = sorted({reason.label for duplicate in duplicates for reason in duplicate.reasons})
            ids = tuple(duplicate.person.id for duplicate in duplicates)
            report.duplicates.append(RowDuplicate(line, ids, "; ".join(reasons)))
            continue
        try:
            with session.begin_nested():
                person = create_person(session, data, actor, cipher, now)
                _add_vehicles(session, person.id, vehicles, actor, now)
        except InvalidInputError as exc:
            report.errors.append(RowError(line, exc.field, exc.message))
            continue
        report.created.append(RowCreated(line, person.id))
    summary = {"created": len(report.created), "skipped": report.skipped, **report.as_dict()}
    audit_change(session, actor, "persons.import", PERSON, source, summary)
    return report
