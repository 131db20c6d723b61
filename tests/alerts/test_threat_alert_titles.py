"""Threat-rule alarms name their subject: the object, the rule (its zone) and how long."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from safecity.alerts.sources import source_for
from safecity.alerts.sources import title_of
from safecity.core.media import MediaStore
from safecity.pipeline.events import EmittedEvent
from safecity.pipeline.events import EventType
from safecity.pipeline.events import PipelineEvent
from safecity.worker.bus_events import to_bus_event


def published(kind: EventType, object_class: str, payload: dict[str, Any], tmp_path: Path) -> tuple[str, str]:
    """What the alerts consumer makes of a judged pipeline hit as the worker publishes it."""
    event = PipelineEvent(
        camera_id="rz-1",
        time=datetime(2026, 12, 3, 23, 0, tzinfo=UTC),
        type=kind,
        rule="north gate",
        track_id=7,
        object_class=object_class,
        payload={"zone": "north gate", "outcome": "alarm", **payload},
    )
    bus_event = to_bus_event(EmittedEvent(event, None), MediaStore(tmp_path), worker="w1")
    source = source_for(bus_event)
    assert source is not None
    return source.severity.value, title_of(source, bus_event)


@pytest.mark.parametrize(
    ("kind", "object_class", "payload", "severity", "title"),
    [
        (
            EventType.ABANDONED_OBJECT,
            "suitcase",
            {"seconds": 62, "owner": "left"},
            "high",
            "Abandoned suitcase: north gate (unattended 62 s)",
        ),
        (
            EventType.REMOVED_OBJECT,
            "backpack",
            {"seconds": 300, "absent_seconds": 3.0},
            "high",
            "Removed backpack: north gate (it stood there 300 s)",
        ),
        (
            EventType.NO_STOPPING,
            "car",
            {"seconds": 21, "speed": 0.01},
            "medium",
            "Stopping in a no-stopping zone: north gate (car, 21 s)",
        ),
    ],
)
def test_threat_alarm_titles_name_the_object_the_zone_and_the_time(
    kind: EventType, object_class: str, payload: dict[str, Any], severity: str, title: str, tmp_path: Path
) -> None:
    assert published(kind, object_class, payload, tmp_path) == (severity, title)


def test_a_threat_hit_a_policy_made_a_record_raises_no_alert(tmp_path: Path) -> None:
    event = PipelineEvent(
        camera_id="rz-1",
        time=datetime(2026, 12, 3, 12, 0, tzinfo=UTC),
        type=EventType.ABANDONED_OBJECT,
        rule="north gate",
        payload={"outcome": "record", "outcome_reason": "disarmed"},
    )
    assert source_for(to_bus_event(EmittedEvent(event, None), MediaStore(tmp_path), worker="w1")) is None
