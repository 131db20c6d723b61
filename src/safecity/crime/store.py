"""Importing crime records: rows already stored (same time, place and type) are reported as duplicates."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy import tuple_
from sqlalchemy.orm import Session

from safecity.crime.csv_source import CsvReadReport
from safecity.crime.csv_source import RowError
from safecity.crime.records import CrimeRecord

BATCH = 1000


@dataclass
class ImportResult:
    added: int = 0
    errors: list[RowError] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "added": self.added,
            "skipped": len(self.errors),
            "errors": [e.as_dict() for e in self.errors],
        }


def import_records(
    session: Session, report: CsvReadReport, *, source_file: str, by: str, now: datetime
) -> ImportResult:
    result = ImportResult(errors=list(report.errors))
    for offset in range(0, len(report.rows), BATCH):
        batch = report.rows[offset : offset + BATCH]
        keys = [(row.occurred_at, row.lat, row.lon, row.kind) for row in batch]
        columns = (CrimeRecord.occurred_at, CrimeRecord.latitude, CrimeRecord.longitude, CrimeRecord.kind)
        stored = session.execute(select(*columns).where(tuple_(*columns).in_(keys))).all()
        existing = {tuple(row) for row in stored}
        for row, key in zip(batch, keys, strict=True):
            if key in existing:
                result.errors.append(RowError(row.line, "already imported (same time, place and type)"))
                continue
            session.add(
                CrimeRecord(
                    occurred_at=row.occurred_at,
                    latitude=row.lat,
                    longitude=row.lon,
                    kind=row.kind,
                    source_file=source_file[:300],
                    imported_at=now,
                    imported_by=by,
                )
            )
            result.added += 1
        session.flush()
    result.errors.sort(key=lambda error: error.line)
    return result
