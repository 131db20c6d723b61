"""Stored plate reads: idempotent storage, search by exact/partial/wildcard/fuzzy plate, camera, time."""

from __future__ import annotations

from datetime import timedelta

import pytest

from safecity.anpr.locations import CameraLocations
from safecity.anpr.patterns import parse_pattern
from safecity.anpr.service import ReadQuery
from safecity.anpr.service import search_reads
from safecity.anpr.service import store_read
from safecity.anpr.service import trajectory
from safecity.cameras.models import Camera
from safecity.core.db import Database
from tests.anpr.conftest import T0
from tests.anpr.conftest import plate_read

READS = [
    plate_read("LEB-06-5700", "cam-1", 0),
    plate_read("LEB-06-5700", "cam-2", 30),
    plate_read("LEB-5700", "cam-3", 60),  # year not read
    plate_read("LEB-07-5700", "cam-3", 70),  # another year: a different vehicle for year-aware search
    plate_read("LEA-06-5701", "cam-1", 10),
    plate_read("RIA-12-9133", "cam-2", 20),
    plate_read("6A5730A", "cam-1", 40),  # no known format: kept, marked unmatched
    plate_read("LE8-06-57OO", "cam-2", 50),  # an OCR confusion of LEB-06-5700
]


@pytest.fixture
def stored(database: Database) -> Database:
    with database.session() as session:
        for event in READS:
            store_read(session, event, None)
    return database


def texts(database: Database, query: ReadQuery) -> list[str]:
    with database.session() as session:
        return [row.text for row in search_reads(session, query)]


def test_a_read_is_stored_once_however_often_it_is_delivered(database: Database) -> None:
    event = plate_read("LEB-06-5700")
    with database.session() as session:
        assert store_read(session, event, (31.5, 74.3)) is True
    with database.session() as session:
        assert store_read(session, event, (31.5, 74.3)) is False
        [row] = search_reads(session, ReadQuery())
    assert (row.event_id, row.plate_key, row.skeleton, row.latitude) == (
        str(event.id),
        "LEB5700",
        "LE85700",
        31.5,
    )


def test_exact_search_finds_the_vehicle_with_its_year_or_without_a_read_year(stored: Database) -> None:
    assert texts(stored, ReadQuery(parse_pattern("LEB-06-5700"))) == [
        "LEB-5700",
        "LEB-06-5700",
        "LEB-06-5700",
    ]
    assert len(texts(stored, ReadQuery(parse_pattern("LEB5700")))) == 4  # no year given: every year
    assert texts(stored, ReadQuery(parse_pattern("6A5730A"))) == ["6A5730A"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("LEB57*", {"LEB-06-5700", "LEB-5700", "LEB-07-5700"}),
        ("*5700", {"LEB-06-5700", "LEB-5700", "LEB-07-5700"}),
        ("LE?-06-570?", {"LEB-06-5700", "LEB-5700", "LEA-06-5701"}),
        ("*A573*", {"6A5730A"}),
        ("RIA*33", {"RIA-12-9133"}),
    ],
)
def test_partial_and_wildcard_search(stored: Database, pattern: str, expected: set[str]) -> None:
    assert set(texts(stored, ReadQuery(parse_pattern(pattern)))) == expected


def test_fuzzy_search_finds_confusable_reads_closest_first(stored: Database) -> None:
    plain = texts(stored, ReadQuery(parse_pattern("LEB-06-5700")))
    fuzzy = texts(stored, ReadQuery(parse_pattern("LEB-06-5700"), fuzzy=True))
    assert "LE8-06-57OO" not in plain
    assert fuzzy[-1] == "LE8-06-57OO"  # found, ranked after the exact reads
    assert set(fuzzy) == {*plain, "LE8-06-57OO"}
    assert set(texts(stored, ReadQuery(parse_pattern("LE8-06-57*"), fuzzy=True))) == {*plain, "LE8-06-57OO"}


def test_camera_time_range_and_limit(stored: Database) -> None:
    query = ReadQuery(camera_id="cam-1", since=T0 + timedelta(minutes=5), until=T0 + timedelta(minutes=40))
    assert texts(stored, query) == ["LEA-06-5701"]  # until is exclusive
    assert texts(stored, ReadQuery(limit=2)) == ["LEB-07-5700", "LEB-5700"]  # newest first


def test_trajectory_lists_sightings_oldest_first_with_coordinates(database: Database) -> None:
    with database.session() as session:
        session.add(
            Camera(id="cam-2", name="Mall Road", url="rtsp://cam-2/", latitude=31.56, longitude=74.33)
        )
    locations = CameraLocations()
    with database.session() as session:
        for event in READS:
            store_read(session, event, locations.locate(session, event.camera_id))
    with database.session() as session:
        rows = trajectory(session, parse_pattern("LEB-06-5700"))
        sightings = [(row.camera_id, row.time - T0, row.latitude, row.longitude) for row in rows]
    assert sightings == [
        ("cam-1", timedelta(0), None, None),  # camera unknown to the registry: no coordinates
        ("cam-2", timedelta(minutes=30), 31.56, 74.33),
        ("cam-3", timedelta(minutes=60), None, None),
    ]
