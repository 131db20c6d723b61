"""Events: typed, unique, UTC; topics and NATS-style patterns."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from typing import Literal

import pytest
from pydantic import ValidationError

from safecity.core.bus import Event
from safecity.core.bus import as_event
from safecity.core.bus import event_class_for
from safecity.core.bus import parse_event
from safecity.core.bus import register_event
from safecity.core.bus import topic_matches


@register_event
class PlateRead(Event):
    type: Literal["test.plate.read"] = "test.plate.read"
    plate: str
    confidence: float


@pytest.mark.parametrize(
    ("pattern", "topic", "expected"),
    [
        ("camera.health", "camera.health", True),
        ("camera.health", "camera.motion", False),
        ("camera.*", "camera.health", True),
        ("camera.*", "camera.health.degraded", False),
        ("camera.*", "camera", False),
        ("*.health", "camera.health", True),
        ("rule.>", "rule.zone.entered", True),
        ("rule.>", "rule.loiter", True),
        ("rule.>", "rule", False),
        (">", "anything.at.all", True),
        ("camera.health.degraded", "camera.health", False),
    ],
)
def test_topic_matches_like_nats_subjects(pattern, topic, expected):
    assert topic_matches(pattern, topic) is expected


def test_events_get_a_unique_id_and_a_utc_time():
    first, second = Event(type="camera.motion"), Event(type="camera.motion")

    assert first.id != second.id
    assert first.time.tzinfo is not None
    assert first.time.utcoffset() == timedelta(0)


def test_event_time_is_normalised_to_utc_and_naive_times_are_refused():
    india = timezone(timedelta(hours=5, minutes=30))

    event = Event(type="camera.motion", time=datetime(2026, 1, 1, 12, 0, tzinfo=india))

    assert event.time == datetime(2026, 1, 1, 6, 30, tzinfo=UTC)
    assert event.time.utcoffset() == timedelta(0)
    with pytest.raises(ValidationError):
        Event(type="camera.motion", time=datetime(2026, 1, 1, 12, 0))


@pytest.mark.parametrize("bad_type", ["", "camera..health", "camera.*", "camera.>", "camera health"])
def test_event_type_must_be_a_plain_topic(bad_type):
    with pytest.raises(ValidationError):
        Event(type=bad_type)


def test_json_comes_back_as_the_registered_subclass():
    sent = PlateRead(camera_id="cam-1", plate="MH12AB1234", confidence=0.93)

    received = parse_event(sent.to_json())

    assert isinstance(received, PlateRead)
    assert received == sent
    assert event_class_for("test.plate.read") is PlateRead


def test_unknown_types_fall_back_to_event_and_keep_their_fields():
    received = parse_event('{"type": "future.thing", "extra_field": 42, "payload": {"a": 1}}')

    assert type(received) is Event
    assert received.model_dump()["extra_field"] == 42
    assert parse_event(received.to_json()) == received


def test_as_event_types_a_plain_event_and_keeps_a_typed_one():
    typed = PlateRead(camera_id="cam-1", plate="LEB-06-5700", confidence=0.9)
    plain = Event.model_validate(typed.model_dump())
    assert type(plain) is Event

    assert as_event(typed, PlateRead) is typed
    converted = as_event(plain, PlateRead)
    assert isinstance(converted, PlateRead)
    assert (converted.id, converted.plate) == (typed.id, "LEB-06-5700")
    with pytest.raises(ValidationError):
        as_event(Event(type="test.plate.read"), PlateRead)  # no plate: it is not a plate read


def test_a_type_cannot_be_registered_to_two_classes():
    with pytest.raises(ValueError, match="already registered"):

        @register_event
        class OtherPlateRead(Event):
            type: Literal["test.plate.read"] = "test.plate.read"


def test_a_class_without_a_fixed_type_cannot_be_registered():
    with pytest.raises(TypeError, match="must fix its type"):

        @register_event
        class Untyped(Event):
            pass


def test_a_plain_event_that_does_not_fit_its_registered_type_is_refused_at_publish() -> None:
    from safecity.core.bus.events import check_publishable

    @register_event
    class DoorOpened(Event):
        type: Literal["test.door_opened"] = "test.door_opened"
        door: str

    assert check_publishable(DoorOpened(door="north")).type == "test.door_opened"
    assert check_publishable(Event(type="test.door_opened", door="south")).type == "test.door_opened"
    with pytest.raises(ValueError, match="does not fit DoorOpened"):
        check_publishable(Event(type="test.door_opened", payload={"x": 1}))
