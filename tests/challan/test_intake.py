"""Violation intake: plates attached by track, registry queue, dedup, section control, controller feed."""

from __future__ import annotations

from pathlib import Path

import pytest

from safecity.challan.events import ViolationDetectedEvent
from safecity.challan.sections import average_speed_kmh
from safecity.challan.signal_feed import record_phase
from safecity.challan.vocabulary import Queue
from safecity.challan.vocabulary import RegistryStatus
from safecity.core.db import Database
from safecity.pipeline.rules.traffic_config import SignalPhase
from tests.challan.helpers import at
from tests.challan.helpers import feed
from tests.challan.helpers import load_registry
from tests.challan.helpers import make_runtime
from tests.challan.helpers import plate_read
from tests.challan.helpers import rule_event
from tests.challan.helpers import violations

SECTION = {
    "name": "canal-road",
    "entry_camera": "canal-a",
    "exit_camera": "canal-b",
    "distance_m": 2000,
    "limit_kmh": 60,
}


def test_plate_read_of_the_same_track_is_attached_whichever_comes_first(
    database: Database, tmp_path: Path
) -> None:
    load_registry(database)
    runtime = make_runtime(tmp_path)
    published = feed(database, runtime, rule_event(snapshot_sha256="a" * 64), plate_read("LEB-06-5700"))
    feed(database, runtime, plate_read("RIA-9133", camera="cam-2", track_id=7, seconds=60))
    feed(database, runtime, rule_event("wrong_way", camera="cam-2", track_id=7, seconds=61))
    first, second = violations(database)
    assert (first.plate_text, first.registry_status, first.queue) == ("LEB-06-5700", "ok", "validation")
    assert second.plate_text == "RIA-9133"
    assert second.registry_status == RegistryStatus.VEHICLE_MISMATCH.value  # a car on a motorcycle's plate
    assert second.queue == Queue.REGISTRY.value
    assert all(isinstance(event, ViolationDetectedEvent) for event in published)


def test_unknown_plates_go_to_the_registry_queue(database: Database, tmp_path: Path) -> None:
    load_registry(database)
    feed(database, make_runtime(tmp_path), plate_read("XYZ-999"), rule_event())
    (violation,) = violations(database)
    assert (violation.queue, violation.registry_status) == ("registry", "unknown_plate")


def test_a_plate_read_of_another_track_is_never_attached(database: Database, tmp_path: Path) -> None:
    feed(database, make_runtime(tmp_path), plate_read("LEB-06-5700", track_id=2), rule_event(track_id=1))
    (violation,) = violations(database)
    assert violation.plate_text is None
    assert violation.registry_status == RegistryStatus.NO_PLATE.value


def test_the_same_violation_twice_within_the_window_is_one(database: Database, tmp_path: Path) -> None:
    load_registry(database)
    runtime = make_runtime(tmp_path, dedup_window_seconds=300)
    feed(database, runtime, plate_read("LEB-06-5700", track_id=1), rule_event(track_id=1))
    # The same car lost and re-acquired as another track a few seconds later.
    feed(database, runtime, plate_read("LEB-5700", track_id=2, seconds=4), rule_event(track_id=2, seconds=4))
    # Much later it is a new violation.
    feed(
        database,
        runtime,
        plate_read("LEB-5700", track_id=3, seconds=900),
        rule_event(track_id=3, seconds=900),
    )
    statuses = [(v.status, v.duplicate_of is not None) for v in violations(database)]
    assert statuses == [("pending", False), ("duplicate", True), ("pending", False)]


def test_non_violation_rule_events_are_ignored(database: Database, tmp_path: Path) -> None:
    feed(database, make_runtime(tmp_path), rule_event("line_crossing"), rule_event("zone_enter"))
    assert violations(database) == []


def test_the_controller_feed_has_the_last_word_on_red(database: Database, tmp_path: Path) -> None:
    with database.session() as session:
        record_phase(session, "stop-1", SignalPhase.GREEN, at(-20), "controller")
        record_phase(session, "stop-1", SignalPhase.RED, at(10), "controller")
    runtime = make_runtime(tmp_path)
    feed(database, runtime, rule_event(seconds=5, signal="stop-1", signal_phase="red"))
    feed(database, runtime, rule_event(seconds=15, track_id=2, signal="stop-1", signal_phase="red"))
    (violation,) = violations(database)
    assert violation.details["controller_phase"] == "red"
    assert violation.occurred_at == at(15)


def test_average_speed() -> None:
    assert average_speed_kmh(2000, 100) == pytest.approx(72.0)
    with pytest.raises(ValueError, match="after"):
        average_speed_kmh(2000, 0)


def test_section_control_pairs_exact_plates_and_measures_average_speed(
    database: Database, tmp_path: Path
) -> None:
    load_registry(database)
    runtime = make_runtime(tmp_path, sections=[SECTION])
    feed(
        database,
        runtime,
        plate_read("LEB-06-5700", camera="canal-a", seconds=0, track_id=1),
        plate_read("LEB-06-5700", camera="canal-b", seconds=100, track_id=9),  # 2 km in 100 s: 72 km/h
        plate_read("AVV-584", camera="canal-a", seconds=10, track_id=2),
        plate_read("AVV-584", camera="canal-b", seconds=150, track_id=3),  # 2 km in 140 s: 51.4 km/h
    )
    (violation,) = violations(database)
    assert violation.violation_type == "section_speed"
    assert violation.measured_kmh == pytest.approx(72.0)
    assert violation.limit_kmh == 60
    assert violation.plate_text == "LEB-06-5700"
    assert violation.details["seconds"] == 100
    assert violation.queue == "validation"


def test_section_control_exit_read_first_still_pairs_once(database: Database, tmp_path: Path) -> None:
    runtime = make_runtime(tmp_path, sections=[SECTION])
    exit_read = plate_read("LEB-5700", camera="canal-b", seconds=90)
    entry_read = plate_read("LEB-5700", camera="canal-a", seconds=0)
    feed(database, runtime, exit_read, entry_read, exit_read, entry_read)
    (violation,) = violations(database)
    assert violation.measured_kmh == pytest.approx(80.0)


def test_a_misread_at_one_end_is_no_violation(database: Database, tmp_path: Path) -> None:
    load_registry(database)
    runtime = make_runtime(tmp_path, sections=[SECTION])
    # B read as 8 at the exit: confusable, but a strict budget never pairs it, so nobody gets a ticket.
    feed(
        database,
        runtime,
        plate_read("LEB-06-5700", camera="canal-a", seconds=0),
        plate_read("LE8-06-5700", camera="canal-b", seconds=60),
    )
    assert violations(database) == []


def test_weak_reads_are_not_paired(database: Database, tmp_path: Path) -> None:
    runtime = make_runtime(tmp_path, sections=[SECTION])
    feed(
        database,
        runtime,
        plate_read("LEB-5700", camera="canal-a", seconds=0, confidence=0.3),
        plate_read("LEB-5700", camera="canal-b", seconds=60),
    )
    assert [v.status for v in violations(database)] == []
