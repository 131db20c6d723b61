"""Events: the only thing that crosses the bus.

An event is small, typed JSON: never frames or media bytes (media travels by content hash). Typed events
subclass `Event` and fix `type`; `register_event` lets `parse_event` turn JSON back into the right subclass.
Topics are the event type ("camera.health"); subscription patterns use NATS wildcards: `*` matches one token,
`>` matches one or more trailing tokens.
"""

from __future__ import annotations

import json
import re
from datetime import UTC
from datetime import datetime
from typing import Any
from typing import TypeVar
from uuid import UUID
from uuid import uuid4

from pydantic import AwareDatetime
from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from pydantic import field_validator

from safecity.core.db import utcnow

_TOKEN = re.compile(r"^[A-Za-z0-9_-]+$")


def validate_topic(topic: str) -> str:
    """A topic is one or more dot-separated tokens of letters, digits, '_' or '-'."""
    if not all(_TOKEN.match(token) for token in topic.split(".")):
        raise ValueError(f"invalid event topic {topic!r}: use dot-separated tokens of [A-Za-z0-9_-]")
    return topic


def validate_pattern(pattern: str) -> str:
    """A topic pattern: tokens, `*` for any one token, `>` (last only) for one or more tokens."""
    tokens = pattern.split(".")
    for index, part in enumerate(tokens):
        if part == ">" and index == len(tokens) - 1:
            continue
        if part != "*" and not _TOKEN.match(part):
            raise ValueError(f"invalid topic pattern {pattern!r}")
    return pattern


def topic_matches(pattern: str, topic: str) -> bool:
    """Whether `topic` matches the NATS-style `pattern`."""
    pattern_tokens = pattern.split(".")
    topic_tokens = topic.split(".")
    for index, wanted in enumerate(pattern_tokens):
        if wanted == ">":
            return len(topic_tokens) > index
        if index >= len(topic_tokens):
            return False
        if wanted not in ("*", topic_tokens[index]):
            return False
    return len(topic_tokens) == len(pattern_tokens)


class Event(BaseModel):
    """Something that happened: unique id, type (the topic), UTC time, optional camera and producer."""

    # Unknown fields are kept, so an event from a newer producer survives a round trip through an older
    # consumer that only knows the base class.
    model_config = ConfigDict(frozen=True, extra="allow")

    id: UUID = Field(default_factory=uuid4)
    type: str
    time: AwareDatetime = Field(default_factory=utcnow)
    camera_id: str | None = None
    source: str | None = None
    payload: dict[str, Any] = Field(default_factory=dict)
    # The epoch of the lease under which a worker ran the camera; stale epochs are refused (fencing).
    lease_epoch: int | None = None

    @field_validator("type")
    @classmethod
    def _valid_topic(cls, value: str) -> str:
        return validate_topic(value)

    @field_validator("time")
    @classmethod
    def _in_utc(cls, value: datetime) -> datetime:
        return value.astimezone(UTC)

    def to_json(self) -> str:
        return self.model_dump_json()


EventT = TypeVar("EventT", bound=Event)

_registry: dict[str, type[Event]] = {}


def register_event(cls: type[EventT]) -> type[EventT]:
    """Class decorator: make `parse_event` build `cls` for JSON whose type is `cls`'s fixed type."""
    event_type = cls.model_fields["type"].default
    if not isinstance(event_type, str):
        raise TypeError(
            f"{cls.__name__} must fix its type, e.g. type: Literal['camera.health'] = 'camera.health'"
        )
    validate_topic(event_type)
    registered = _registry.get(event_type)
    # Re-registering the same class (a module reload) is harmless; two classes for one type are a bug.
    if registered is not None and _class_path(registered) != _class_path(cls):
        raise ValueError(f"event type {event_type!r} is already registered to {registered.__qualname__}")
    _registry[event_type] = cls
    return cls


def _class_path(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def event_class_for(event_type: str) -> type[Event]:
    """The registered class for `event_type`, or `Event` for types nobody registered."""
    return _registry.get(event_type, Event)


def as_event(event: Event, kind: type[EventT]) -> EventT:
    """`event` as its type's class: itself when it already is one (the bus delivers registered classes),
    else validated from its fields (a plain `Event`); a field that does not fit is a ValueError."""
    return event if isinstance(event, kind) else kind.model_validate(event.model_dump())


def parse_event(data: str | bytes) -> Event:
    """Rebuild an event from its JSON as the registered subclass for its type."""
    raw = json.loads(data)
    if not isinstance(raw, dict) or not isinstance(raw.get("type"), str):
        raise ValueError("event JSON must be an object with a string 'type'")
    return event_class_for(raw["type"]).model_validate(raw)


def check_publishable(event: Event) -> Event:
    """Refuse an event that consumers could not read back as its registered type.

    A plain `Event` whose type a subclass registered must carry that subclass's fields; one unreadable
    message would otherwise reach every consumer of the topic as a dead letter.
    """
    registered = event_class_for(event.type)
    if isinstance(event, registered):
        return event
    try:
        registered.model_validate(event.model_dump(mode="json"))
    except ValueError as error:
        raise ValueError(
            f"event of type {event.type!r} does not fit {registered.__name__}: {error}"
        ) from error
    return event
