"""The `challan` consumer applies a batch of waiting events in one transaction, as if one at a time."""

from __future__ import annotations

from pathlib import Path

from safecity.challan.consumer import handle_events
from safecity.challan.events import ViolationDetectedEvent
from safecity.core.bus import Event
from safecity.core.bus import IdempotencyGuard
from safecity.core.db import Database
from tests.challan.helpers import feed
from tests.challan.helpers import load_registry
from tests.challan.helpers import make_runtime
from tests.challan.helpers import plate_read
from tests.challan.helpers import rule_event
from tests.challan.helpers import violations


def _traffic() -> list[Event]:
    return [
        rule_event(snapshot_sha256="a" * 64),
        plate_read("LEB-06-5700"),
        plate_read("RIA-9133", camera="cam-2", track_id=7, seconds=60),
        rule_event("wrong_way", camera="cam-2", track_id=7, seconds=61),
        rule_event("red_light", camera="cam-3", track_id=9, seconds=90),
    ]


def test_a_batch_gives_the_violations_one_at_a_time_gives(database: Database, tmp_path: Path) -> None:
    load_registry(database)
    events = _traffic()
    published = handle_events(database, make_runtime(tmp_path), events)

    batched = [(v.camera_id, v.plate_text, v.registry_status, v.queue) for v in violations(database)]
    assert batched == [
        ("cam-1", "LEB-06-5700", "ok", "validation"),
        ("cam-2", "RIA-9133", "vehicle_mismatch", "registry"),
        ("cam-3", None, "no_plate", "validation"),
    ]
    assert all(isinstance(event, ViolationDetectedEvent) for event in published)
    assert {event.violation_id for event in published} == {v.id for v in violations(database)}
    handled = IdempotencyGuard(database)._handled_among("challan", [event.id for event in events])
    assert handled == {event.id for event in events}


def test_one_at_a_time_agrees(database: Database, tmp_path: Path) -> None:
    load_registry(database)
    feed(database, make_runtime(tmp_path), *_traffic())
    assert [(v.camera_id, v.plate_text) for v in violations(database)] == [
        ("cam-1", "LEB-06-5700"),
        ("cam-2", "RIA-9133"),
        ("cam-3", None),
    ]


def test_a_batch_delivered_again_changes_nothing(database: Database, tmp_path: Path) -> None:
    load_registry(database)
    runtime, events = make_runtime(tmp_path), _traffic()
    handle_events(database, runtime, events)
    before = [(v.id, v.plate_text, v.status) for v in violations(database)]

    again = handle_events(database, runtime, [*events, events[0]])

    assert again == []
    assert [(v.id, v.plate_text, v.status) for v in violations(database)] == before


def test_events_no_challan_rule_wants_are_left_before_any_database_work(
    database: Database, tmp_path: Path
) -> None:
    # No helmet / seat-belt check is configured, so no finished track can make a violation.
    ended = Event(type="track.ended", camera_id="cam-1", payload={"object_class": "motorcycle"})
    loitering = rule_event("loitering")

    assert handle_events(database, make_runtime(tmp_path), [ended, loitering]) == []
    assert IdempotencyGuard(database)._handled_among("challan", [ended.id, loitering.id]) == set()
