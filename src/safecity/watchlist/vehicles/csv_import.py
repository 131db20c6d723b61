"""CSV import of hotlist entries: each bad row fails alone, named by its line number; the rest go in.

Columns (header row required, order free, names case-insensitive): `plate`, `reason` (required),
`case_ref`, `vehicle`, `expires_at` (ISO date = through that day UTC, or ISO date-time). A plate already on
the list is updated, so importing the same file twice changes nothing.
"""

from __future__ import annotations

from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field

from pydantic import ValidationError
from sqlalchemy.orm import Session

from safecity.core import validation_messages
from safecity.core.audit.actors import Actor
from safecity.core.audit.actors import audit_change
from safecity.core.csv_files import dict_reader
from safecity.watchlist.vehicles.schemas import EntryIn
from safecity.watchlist.vehicles.service import HOTLIST
from safecity.watchlist.vehicles.service import get_hotlist
from safecity.watchlist.vehicles.service import upsert_entry

REQUIRED_COLUMNS = ("plate", "reason")
KNOWN_COLUMNS = frozenset({"plate", "reason", "case_ref", "vehicle", "expires_at"})


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    message: str


@dataclass(slots=True)
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "created": self.created,
            "updated": self.updated,
            "failed": len(self.errors),
            "errors": [asdict(e) for e in self.errors],
        }


def import_entries(session: Session, hotlist_id: int, text: str, actor: Actor) -> ImportReport:
    """Upsert every good row (each in its own savepoint) and audit the import as a whole."""
    hotlist = get_hotlist(session, hotlist_id)
    reader = dict_reader(text, REQUIRED_COLUMNS)
    report = ImportReport()
    for row in reader:
        line = reader.line_num
        if None in row:
            report.errors.append(RowError(line, "more fields than the header has columns"))
            continue
        values = {k: (v or "").strip() for k, v in row.items() if k in KNOWN_COLUMNS}
        if not any(values.values()):
            continue  # a blank line
        try:
            data = EntryIn.model_validate(values)
        except ValidationError as exc:
            report.errors.append(RowError(line, validation_messages.problems(exc)))
            continue
        try:
            with session.begin_nested():
                _, created = upsert_entry(session, hotlist.id, data, actor)
        except Exception as exc:
            report.errors.append(RowError(line, f"could not store the row: {exc}"))
            continue
        if created:
            report.created += 1
        else:
            report.updated += 1
    audit_change(
        session, actor, "hotlist.import", HOTLIST, hotlist.id, {"name": hotlist.name, **report.as_dict()}
    )
    return report
