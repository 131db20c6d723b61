"""Typed events the camera pipeline emits; the snapshot image travels beside the event, never inside it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field

from safecity.video.frame import Image


class EventType(StrEnum):
    ZONE_ENTER = "zone_enter"
    ZONE_EXIT = "zone_exit"
    DWELL = "dwell"
    LOITERING = "loitering"
    CROWD = "crowd"
    LINE_CROSSING = "line_crossing"
    WRONG_WAY = "wrong_way"
    SPEEDING = "speeding"
    TRACK_ENDED = "track_ended"
    RED_LIGHT = "red_light"
    LANE_VIOLATION = "lane_violation"
    ABANDONED_OBJECT = "abandoned_object"
    REMOVED_OBJECT = "removed_object"
    NO_STOPPING = "no_stopping"


class PipelineEvent(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    camera_id: str
    time: datetime
    type: EventType
    rule: str | None = None
    track_id: int | None = None
    object_class: str | None = None
    payload: dict[str, Any] = Field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EmittedEvent:
    """An event plus the picture that shows it (full frame at the moment, or the track's best crop)."""

    event: PipelineEvent
    snapshot: Image | None


def event_time(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, tz=UTC)
