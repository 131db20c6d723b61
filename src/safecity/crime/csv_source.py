"""Crime events from a CSV file (optionally gzip-compressed) with a per-row error report.

Rows with unparseable times, missing or impossible coordinates and exact duplicates (same time, place and
type as an earlier row) are reported by line number and skipped, never silently kept."""

from __future__ import annotations

import csv
import gzip
import io
import math
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime
from pathlib import Path

import numpy as np

from safecity.crime.events import CrimeEvents
from safecity.crime.events import days_since_epoch

_EXTRA_TIME_FORMATS = (
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y",
    "%Y/%m/%d %H:%M:%S",
)


class CrimeCsvError(ValueError):
    """The file as a whole cannot be used (unreadable, no header, a named column is missing)."""


@dataclass(frozen=True)
class CsvColumns:
    time: str
    lat: str
    lon: str
    kind: str | None = None


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class CrimeRow:
    line: int
    occurred_at: datetime
    lat: float
    lon: float
    kind: str


@dataclass
class CsvReadReport:
    rows: list[CrimeRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    ignored_after_until: int = 0

    def events(self) -> CrimeEvents:
        t = np.array([days_since_epoch(row.occurred_at) for row in self.rows], dtype=np.float64)
        lat = np.array([row.lat for row in self.rows], dtype=np.float64)
        lon = np.array([row.lon for row in self.rows], dtype=np.float64)
        kind = np.array([row.kind for row in self.rows], dtype=str)
        return CrimeEvents.from_degrees(t, lat, lon, kind)

    def as_dict(self) -> dict[str, object]:
        return {
            "read": len(self.rows),
            "skipped": len(self.errors),
            "errors": [error.as_dict() for error in self.errors],
        }


def parse_time(text: str) -> datetime:
    """An ISO-8601 time (a trailing `Z` or offset honoured, naive = UTC) or a US `m/d/Y[ H:M[:S]]` time."""
    value = text.strip()
    if not value:
        raise ValueError("empty time")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        for pattern in _EXTRA_TIME_FORMATS:
            try:
                parsed = datetime.strptime(value, pattern)
                break
            except ValueError:
                continue
        else:
            raise ValueError(f"unparseable time {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _coordinate(text: str, name: str, limit: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{name} {text.strip()!r} is not a number") from None
    if not math.isfinite(value) or abs(value) > limit:
        raise ValueError(f"{name} {value} is out of range")
    return value


def decode(data: bytes) -> str:
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_crime_csv(path: Path, columns: CsvColumns, *, until: datetime | None = None) -> CsvReadReport:
    """Rows of `path`; with `until`, rows at or after it are dropped as soon as their time is known and never
    used (counted in `ignored_after_until`)."""
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        raise CrimeCsvError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return read_crime_text(text, columns, until=until)


def read_crime_text(text: str, columns: CsvColumns, *, until: datetime | None = None) -> CsvReadReport:
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    if not header:
        raise CrimeCsvError("the file is empty or has no header row")
    wanted = {"time": columns.time, "latitude": columns.lat, "longitude": columns.lon}
    if columns.kind:
        wanted["type"] = columns.kind
    missing = [f"{role} column {name!r}" for role, name in wanted.items() if name not in header]
    if missing:
        raise CrimeCsvError(f"missing {', '.join(missing)}; the header has: {', '.join(header)}")
    cutoff = until if until is None or until.tzinfo else until.replace(tzinfo=UTC)
    report = CsvReadReport()
    seen: set[tuple[datetime, float, float, str]] = set()
    for line, record in enumerate(reader, start=2):
        try:
            occurred_at = parse_time(record.get(columns.time) or "")
        except ValueError as exc:
            report.errors.append(RowError(line, f"{columns.time}: {exc}"))
            continue
        if cutoff is not None and occurred_at >= cutoff:
            report.ignored_after_until += 1
            continue
        try:
            lat = _coordinate(record.get(columns.lat) or "", columns.lat, 90.0)
            lon = _coordinate(record.get(columns.lon) or "", columns.lon, 180.0)
        except ValueError as exc:
            report.errors.append(RowError(line, str(exc)))
            continue
        if lat == 0.0 and lon == 0.0:
            report.errors.append(RowError(line, "coordinates 0,0 are a missing location, not a place"))
            continue
        kind = (record.get(columns.kind) or "").strip() if columns.kind else ""
        key = (occurred_at, lat, lon, kind)
        if key in seen:
            report.errors.append(RowError(line, "duplicate of an earlier row (same time, place and type)"))
            continue
        seen.add(key)
        report.rows.append(CrimeRow(line, occurred_at, lat, lon, kind))
    return report
