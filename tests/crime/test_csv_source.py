"""Reading crime CSVs: every skipped row is reported with its line and reason."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

import pytest

from safecity.crime.csv_source import CrimeCsvError
from safecity.crime.csv_source import CsvColumns
from safecity.crime.csv_source import parse_time
from safecity.crime.csv_source import read_crime_text

COLUMNS = CsvColumns("when", "lat", "lon", "kind")


def test_bad_times_coordinates_and_duplicates_are_reported_by_line() -> None:
    text = (
        "when,lat,lon,kind\n"
        "2024-01-01T10:00:00Z,39.1,-84.5,burglary\n"
        "not a time,39.1,-84.5,burglary\n"
        "2024-01-01T11:00:00Z,NA,-84.5,burglary\n"
        "2024-01-01T12:00:00Z,95,-84.5,burglary\n"
        "2024-01-01T13:00:00Z,0,0,burglary\n"
        "2024-01-01T10:00:00Z,39.1,-84.5,burglary\n"
        "2024-01-01T10:00:00Z,39.1,-84.5,robbery\n"
    )

    report = read_crime_text(text, COLUMNS)

    assert [row.line for row in report.rows] == [2, 8]
    assert [(error.line, error.message.split(" ")[0]) for error in report.errors] == [
        (3, "when:"),
        (4, "lat"),
        (5, "lat"),
        (6, "coordinates"),
        (7, "duplicate"),
    ]


def test_rows_at_or_after_until_are_dropped_unread() -> None:
    text = "when,lat,lon,kind\n2024-01-01T23:59:59Z,39.1,-84.5,a\n2024-01-02T00:00:00Z,NA,NA,a\n"

    report = read_crime_text(text, COLUMNS, until=datetime(2024, 1, 2, tzinfo=UTC))

    assert len(report.rows) == 1
    assert report.errors == []
    assert report.ignored_after_until == 1


def test_a_missing_column_makes_the_file_unusable() -> None:
    with pytest.raises(CrimeCsvError, match="missing type column 'kind'"):
        read_crime_text("when,lat,lon\n", COLUMNS)


def test_times_in_iso_and_us_formats_are_utc() -> None:
    assert parse_time("2017-05-25T00:00:00Z") == datetime(2017, 5, 25, tzinfo=UTC)
    assert parse_time("05/25/2017 01:30:00 PM") == datetime(2017, 5, 25, 13, 30, tzinfo=UTC)
