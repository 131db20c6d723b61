"""Scene-file section `alarms`: what a rule hit is for the operators.

Each hit is an *alarm* (the operator queue), a *record* (published: searchable, counted, on the timeline,
but nobody is called) or *nothing* (not published at all). A policy names the rules it governs and when it
may alarm: an arming schedule (a market gate only after 22:00), object classes, a minimum dwell or repeat
count, and a rate limit. A hit no policy names gets its type's default (`DEFAULT_OUTCOMES`): line crossings,
zone entries and enforcement violations are records (counts and e-challan keep every one); loitering, crowds,
wrong-way movement and the threat rules (abandoned or removed object, stopping where it is not allowed) are
alarms.
"""

from __future__ import annotations

import re
from datetime import datetime
from datetime import time
from enum import StrEnum
from zoneinfo import ZoneInfo

from pydantic import Field
from pydantic import field_validator
from pydantic import model_validator

from safecity.config.time_zones import known_time_zone
from safecity.pipeline.events import EventType
from safecity.pipeline.rules.traffic_config import SceneSection
from safecity.vision.detectors.classes import COCO_NAMES

#: Classes a policy may name: what the detectors report, and `motion` (a camera without a detector).
KNOWN_CLASSES = frozenset(COCO_NAMES) | {"motion"}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class Outcome(StrEnum):
    ALARM = "alarm"
    RECORD = "record"
    NOTHING = "nothing"


DEFAULT_OUTCOMES: dict[EventType, Outcome] = {
    EventType.ZONE_ENTER: Outcome.RECORD,
    EventType.ZONE_EXIT: Outcome.RECORD,
    EventType.DWELL: Outcome.RECORD,
    EventType.LOITERING: Outcome.ALARM,
    EventType.CROWD: Outcome.ALARM,
    EventType.LINE_CROSSING: Outcome.RECORD,
    EventType.WRONG_WAY: Outcome.ALARM,
    # Enforcement: e-challan's validation queue handles violations, not the control-room operators.
    EventType.SPEEDING: Outcome.RECORD,
    EventType.RED_LIGHT: Outcome.RECORD,
    EventType.LANE_VIOLATION: Outcome.RECORD,
    EventType.TRACK_ENDED: Outcome.RECORD,
    # Threat rules (Red Zone): each hit is already a judged situation, worth an operator's look.
    EventType.ABANDONED_OBJECT: Outcome.ALARM,
    EventType.REMOVED_OBJECT: Outcome.ALARM,
    EventType.NO_STOPPING: Outcome.ALARM,
}


def default_outcome(event_type: str) -> Outcome:
    """The outcome of a rule hit no policy names (also for producers that do not say)."""
    try:
        return DEFAULT_OUTCOMES[EventType(event_type)]
    except ValueError:
        return Outcome.ALARM  # a rule type this version does not know: better seen than lost


class ArmingWindow(SceneSection):
    """Armed from `start` to `end` (local "HH:MM", in the scene's time zone) on `days`; an `end` before
    `start` runs past midnight (22:00–06:00)."""

    start: str = Field(description='"HH:MM", local time')
    end: str = Field(description='"HH:MM", local time; before `start` means the next morning')
    days: list[str] = Field(default_factory=lambda: list(WEEKDAYS), description="mon … sun")

    @field_validator("start", "end")
    @classmethod
    def _clock(cls, value: str) -> str:
        if not _CLOCK.match(value):
            raise ValueError(f'{value!r} is not a time of day "HH:MM" (00:00 to 23:59)')
        return value

    @field_validator("days")
    @classmethod
    def _days(cls, days: list[str]) -> list[str]:
        unknown = [day for day in days if day not in WEEKDAYS]
        if unknown:
            raise ValueError(f"unknown days {unknown}; use {', '.join(WEEKDAYS)}")
        return days

    @model_validator(mode="after")
    def _arms_at_all(self) -> ArmingWindow:
        if self.start == self.end:
            raise ValueError(f"this window never arms: it starts and ends at {self.start}")
        if not self.days:
            raise ValueError("this window never arms: it has no days")
        return self

    def armed_at(self, local: datetime) -> bool:
        start, end, now = _time(self.start), _time(self.end), local.time()
        today, yesterday = WEEKDAYS[local.weekday()], WEEKDAYS[(local.weekday() - 1) % 7]
        if start < end:
            return today in self.days and start <= now < end
        return (today in self.days and now >= start) or (yesterday in self.days and now < end)


def _time(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


class AlarmPolicy(SceneSection):
    rules: list[str] = Field(
        min_length=1, description='names of the zones, lines or signals this policy governs; "*" for all'
    )
    events: list[EventType] | None = Field(None, description="the hit types it governs; None: all")
    outcome: Outcome = Field(Outcome.ALARM, description="what a hit is while armed and every condition holds")
    otherwise: Outcome = Field(
        Outcome.RECORD, description="what a hit is when disarmed, of another class, too short or too rare"
    )
    schedule: list[ArmingWindow] | None = Field(None, description="armed only in these windows; None: always")
    classes: list[str] | None = Field(None, description="object classes that may alarm; None: all")
    min_dwell_seconds: float | None = Field(
        None, gt=0, description="the object stayed at least this long (zone time, else time tracked)"
    )
    min_count: int = Field(1, ge=1, description="hits of this policy within `count_window_seconds`")
    count_window_seconds: float = Field(60.0, gt=0)
    max_alarms_per_hour: int | None = Field(
        None, description="rate limit: alarms beyond it in any hour are records; None: no limit"
    )

    @field_validator("schedule")
    @classmethod
    def _schedule_arms(cls, windows: list[ArmingWindow] | None) -> list[ArmingWindow] | None:
        if windows is not None and not windows:
            raise ValueError("an empty schedule never arms; leave it out to be always armed")
        return windows

    @field_validator("classes")
    @classmethod
    def _known_classes(cls, classes: list[str] | None) -> list[str] | None:
        unknown = sorted(set(classes or ()) - KNOWN_CLASSES)
        if unknown:
            raise ValueError(
                f"unknown object classes {unknown}; the detectors report COCO names (person, car, …)"
            )
        return classes

    @field_validator("max_alarms_per_hour")
    @classmethod
    def _positive_rate(cls, limit: int | None) -> int | None:
        if limit is not None and limit < 1:
            raise ValueError(f"a rate limit of {limit} alarms per hour never alarms; use `outcome: record`")
        return limit

    def governs(self, rule: str, event_type: EventType) -> bool:
        named = "*" in self.rules or rule in self.rules
        return named and (self.events is None or event_type in self.events)

    def armed_at(self, moment: datetime, zone: ZoneInfo) -> bool:
        if self.schedule is None:
            return True
        local = moment.astimezone(zone)
        return any(window.armed_at(local) for window in self.schedule)


class AlarmsConfig(SceneSection):
    timezone: str = Field("UTC", description="the zone the arming schedules are written in")
    policies: list[AlarmPolicy] = Field(
        default_factory=list, description="the first that governs a hit decides"
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        return known_time_zone(value)
