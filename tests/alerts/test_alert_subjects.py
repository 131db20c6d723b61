"""Every alert names what it is about; a confirmation reaches the alert whichever merged candidate it was."""

from __future__ import annotations

from datetime import timedelta

import pytest

from safecity.alerts.consumer import AlertConsumer
from safecity.alerts.sources import source_for
from safecity.alerts.sources import title_of
from safecity.core.bus import Event
from safecity.core.db import Database
from safecity.faces.watchlist.events import FaceCandidateEvent
from safecity.faces.watchlist.events import FaceMatchConfirmedEvent
from safecity.watchlist.vehicles.events import VehicleHitEvent
from tests.alerts.fakes import START


class _NoBus:
    async def publish(self, event: Event) -> None:
        raise AssertionError("not used")


def hotlist_hit() -> VehicleHitEvent:
    """As the hotlist matcher publishes it: the plate read and the entry's plate, never a `plate` field."""
    return VehicleHitEvent(
        camera_id="anpr-1",
        hotlist_entry_id=4,
        hotlist_id=1,
        list_name="Stolen vehicles",
        list_kind="stolen",
        reason="Stolen from Model Town",
        entry_plate="LEB-1234",
        read_plate="LEB1234",
        score=1.0,
        distance=0.0,
        read_event_id="r-1",
    )


def candidate(candidate_id: int, seconds: float) -> FaceCandidateEvent:
    return FaceCandidateEvent(
        camera_id="gate-1",
        time=START + timedelta(seconds=seconds),
        candidate_id=candidate_id,
        subject_id="w-9",
        subject_name="Asif Khan",
        category="wanted",
        score=0.8734,
        distance=0.31,
        model="sface",
        probe_sha256="a" * 64,
        enrolled_sha256="b" * 64,
        seen_at=START,
    )


def test_a_hotlist_alert_names_the_plate_the_list_and_the_reason() -> None:
    event = hotlist_hit()
    source = source_for(event)
    assert source is not None
    assert title_of(source, event) == "Hotlist vehicle LEB-1234 (Stolen vehicles): Stolen from Model Town"


def test_a_face_alert_names_the_subject_and_the_score() -> None:
    event = candidate(1, 0)
    source = source_for(event)
    assert source is not None
    assert title_of(source, event).startswith("Face watchlist candidate Asif Khan (0.87)")


@pytest.mark.parametrize(
    "payload",
    [
        {"signal": "Mall Road north", "rule_type": "red_light"},  # a red light names its signal
        {"rule": "north stop line", "rule_type": "red_light"},
        {"zone": "market", "rule_type": "loitering"},
    ],
)
def test_a_rule_alert_names_its_rule_never_a_question_mark(payload: dict[str, str]) -> None:
    alarm = {**payload, "outcome": "alarm"}  # a policy made it an alarm (red light is a record by default)
    event = Event(type=f"rule.{payload['rule_type']}", camera_id="j-1", payload=alarm)
    source = source_for(event)
    assert source is not None
    title = title_of(source, event)
    assert "?" not in title
    assert next(value for key, value in payload.items() if key != "rule_type") in title


def test_confirming_either_candidate_of_a_merged_face_alert_confirms_that_alert(database: Database) -> None:
    consumer = AlertConsumer(database, _NoBus())  # type: ignore[arg-type]
    first, second = candidate(1, 0), candidate(2, 30)
    (created,) = consumer.apply(first)
    (repeated,) = consumer.apply(second)  # the same person on the same camera: one alert, count 2
    assert repeated.alert.id == created.alert.id  # type: ignore[attr-defined]
    assert repeated.alert.count == 2  # type: ignore[attr-defined]

    fields = second.model_dump(exclude={"id", "type", "time"})
    confirmation = FaceMatchConfirmedEvent(
        **fields,
        time=START + timedelta(seconds=60),
        confirmed_by=["op", "sup"],
        candidate_event_id=str(second.id),
    )
    (confirmed,) = consumer.apply(confirmation)
    assert confirmed.alert.id == created.alert.id  # type: ignore[attr-defined]
    assert (confirmed.alert.status, confirmed.alert.confirmed_by) == ("confirmed", "op,sup")  # type: ignore[attr-defined]
