"""Which bus events become alerts, how severe they are and how they are deduplicated: one table.

Rule hits become alerts only when they are alarms: the camera's scene decides (`pipeline.rules.alarm_config`).

The first row whose topic pattern and field conditions match an event decides. `subject` names the event
fields that identify "the same thing" (a rule, a plate, a watchlist entry); alerts with the same kind, subject
and camera within `cooldown_seconds` of the last one are merged into one alert with a count.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from typing import Any
from typing import Literal

from safecity.alerts.states import Severity
from safecity.core.bus import Event
from safecity.core.bus import topic_matches
from safecity.pipeline.rules.alarm_config import Outcome
from safecity.pipeline.rules.alarm_config import default_outcome

_H, _M, _L = Severity.HIGH, Severity.MEDIUM, Severity.LOW
PERSON_OF_INTEREST = "person_of_interest"
#: The persons-of-interest register lists its records' vehicles on this hotlist (`persons.hotlist_name`'s
#: default) and their faces as subjects with ids starting with this prefix (`poi.watchlists`).
PERSONS_HOTLIST = "Persons of interest"
PERSON_SUBJECT_PREFIX = "poi-"
PROBLEM_STATES = ("offline", "frozen", "covered", "defocused", "scene_changed")


@dataclass(frozen=True, slots=True)
class AlertSource:
    pattern: str
    kind: str
    severity: Severity
    subject: tuple[str, ...]
    cooldown_seconds: float
    title: str
    when: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    action: Literal["raise", "resolve", "defer"] = "raise"
    requires_confirmation: bool = False
    #: Field conditions by prefix (`{"subject_id": "poi-"}`), besides the exact values of `when`.
    when_prefix: Mapping[str, str] = field(default_factory=dict)
    #: The payload field naming the event this one was derived from (a person's face sighting names the
    #: face candidate): the alert counts as raised from that event, so its confirmation finds the alert.
    raised_from_field: str | None = None


SOURCES: tuple[AlertSource, ...] = (
    # Camera health: a problem raises an alert per state; back online resolves the camera's open ones.
    AlertSource(
        "camera.health",
        "camera_health",
        _H,
        ("state",),
        900,
        "Camera {camera_id} is {state}",
        when={"state": ("offline", "covered")},
    ),
    AlertSource(
        "camera.health",
        "camera_health",
        _M,
        ("state",),
        900,
        "Camera {camera_id} is {state}",
        when={"state": ("frozen", "scene_changed")},
    ),
    AlertSource(
        "camera.health",
        "camera_health",
        _L,
        ("state",),
        1800,
        "Camera {camera_id} is {state}",
        when={"state": ("defocused",)},
    ),
    AlertSource(
        "camera.health",
        "camera_health",
        _L,
        ("state",),
        0,
        "Camera {camera_id} is back",
        when={"state": ("online",)},
        action="resolve",
    ),
    # The cluster: a worker lost is critical when the others cannot take its cameras.
    AlertSource(
        "cluster.worker_lost",
        "system",
        Severity.CRITICAL,
        ("worker",),
        3600,  # two monitors overlapping at a leader change merge into one alert
        "Worker {worker} lost; {camera_count} cameras cannot be re-homed (no capacity left)",
        when={"rehomable": ("False",)},
    ),
    AlertSource(
        "cluster.worker_lost",
        "system",
        _H,
        ("worker",),
        3600,
        "Worker {worker} lost; its {camera_count} cameras move to the other workers",
    ),
    AlertSource(
        "cluster.worker_back", "system", _L, ("worker",), 0, "Worker {worker} is back", action="resolve"
    ),
    # Recordings: a worker's disk quota 90 % full after its retention sweep (what is left is held or recent).
    AlertSource(
        "recordings.quota",
        "storage",
        _H,
        ("worker",),
        3600,
        "Recordings on worker {worker} use {percent}% of their quota ({used_gib} of {quota_gib} GiB)",
    ),
    # Pipeline rule hits: the rule name is the subject, so a busy line is one alert with a count.
    AlertSource("rule.wrong_way", "rule", _H, ("rule",), 120, "Wrong-way movement: {rule}"),
    AlertSource("rule.crowd", "rule", _H, ("rule",), 300, "Crowd: {rule}"),
    AlertSource("rule.speeding", "rule", _M, ("rule",), 120, "Speeding: {rule}"),
    AlertSource("rule.loitering", "rule", _M, ("rule",), 300, "Loitering: {rule}"),
    # Threat rules: the title names the object and how long; the rule name is the zone's name.
    AlertSource(
        "rule.abandoned_object",
        "rule",
        _H,
        ("rule",),
        300,
        "Abandoned {object_class}: {rule} (unattended {seconds} s)",
    ),
    AlertSource(
        "rule.removed_object",
        "rule",
        _H,
        ("rule",),
        300,
        "Removed {object_class}: {rule} (it stood there {seconds} s)",
    ),
    AlertSource(
        "rule.no_stopping",
        "rule",
        _M,
        ("rule",),
        300,
        "Stopping in a no-stopping zone: {rule} ({object_class}, {seconds} s)",
    ),
    AlertSource("rule.*", "rule", _M, ("rule",), 120, "{rule_label}: {rule}"),
    # Persons of interest: a hit of a record's vehicle or face is deferred to the register, whose
    # `poi.sighting` raises one alert naming the person and status; a plate and a face of the same person
    # at the same camera within the cooldown merge into it (the person is the subject).
    AlertSource(
        "watchlist.vehicle_hit",
        "vehicle_hit",
        _H,
        ("plate",),
        0,
        "",
        when={"list_name": (PERSONS_HOTLIST,)},
        action="defer",
    ),
    AlertSource(
        "face.candidate",
        "face_candidate",
        _H,
        ("entry_id",),
        0,
        "",
        when_prefix={"subject_id": PERSON_SUBJECT_PREFIX},
        action="defer",
    ),
    # A face sighting waits for the face watchlist's two-person confirmation like any face candidate
    # (and is critical once confirmed: alerts.priority); a plate of the person's vehicle needs none.
    AlertSource(
        "poi.sighting",
        PERSON_OF_INTEREST,
        _H,
        ("person_id",),
        300,
        "{headline}",
        when={"sighting": ("face",)},
        requires_confirmation=True,
        raised_from_field="source_event_id",
    ),
    AlertSource(
        "poi.sighting",
        PERSON_OF_INTEREST,
        Severity.CRITICAL,
        ("person_id",),
        300,
        "{headline}",
        when={"status": ("wanted", "proclaimed_offender")},
    ),
    AlertSource("poi.sighting", PERSON_OF_INTEREST, _H, ("person_id",), 300, "{headline}"),
    # Watchlists: the plate / the watchlist entry is the subject.
    AlertSource(
        "watchlist.vehicle_hit",
        "vehicle_hit",
        _H,
        ("plate",),
        300,
        "Hotlist vehicle {plate} ({list_name}): {reason}",
    ),
    AlertSource(
        "face.candidate",
        "face_candidate",
        _H,
        ("entry_id",),
        300,
        "Face watchlist candidate {subject_name} ({score}): needs two-person confirmation",
        requires_confirmation=True,
    ),
)

#: Payload keys accepted for a canonical field name (producers differ in naming).
ALIASES: dict[str, tuple[str, ...]] = {
    # A rule hit names its rule; older or foreign producers only name the signal, zone or line it watches.
    "rule": ("rule", "rule_name", "name", "signal", "zone", "line", "lane"),
    "rule_type": ("rule_type", "kind"),
    # A hotlist hit: the plate on the list (what the alert is about), else the plate as read.
    "plate": ("plate", "entry_plate", "plate_text", "read_plate", "text"),
    "subject_name": ("subject_name", "name"),
    "entry_id": ("entry_id", "watchlist_entry_id", "person_id", "subject_id"),
}


def event_field(event: Event, name: str) -> Any:
    """A field of the event: a typed/extra attribute first, then the payload (under any alias)."""
    if name == "camera_id":
        return event.camera_id
    if name == "rule_type":
        found = _lookup(event, name)
        return found if found is not None else event.type.split(".", 1)[-1]
    if name == "rule_label":
        return str(event_field(event, "rule_type")).replace("_", " ").capitalize()
    if name == "rule":
        # Every rule alert names its subject: with no name at all, the kind of rule on this camera.
        found = _lookup(event, name)
        return found if found is not None else f"{event_field(event, 'rule_label').lower()} rule"
    return _lookup(event, name)


def _lookup(event: Event, name: str) -> Any:
    extra = event.model_extra or {}
    declared = type(event).model_fields
    for key in ALIASES.get(name, (name,)):
        if key in declared and key not in Event.model_fields:
            return getattr(event, key)
        if key in extra:
            return extra[key]
        if key in event.payload:
            return event.payload[key]
    return None


def is_record_only(event: Event) -> bool:
    """A rule hit the camera's alarm policies made a record (searchable and counted, nobody called).
    Producers that do not say get the hit type's default (line crossings are records)."""
    if not event.type.startswith("rule."):
        return False
    said = event.payload.get("outcome")
    outcome = said if said in {o.value for o in Outcome} else default_outcome(event.type.split(".", 1)[1])
    return outcome != Outcome.ALARM


def _matches(source: AlertSource, event: Event) -> bool:
    if not topic_matches(source.pattern, event.type):
        return False
    if not all(str(event_field(event, key)) in allowed for key, allowed in source.when.items()):
        return False
    return all(str(event_field(event, key)).startswith(start) for key, start in source.when_prefix.items())


def source_for(event: Event) -> AlertSource | None:
    """The row that decides what the event raises; None when it raises nothing here (not an alarm, no
    row, or deferred to the domain that raises a better alert from its own event)."""
    if is_record_only(event):
        return None
    source = next((source for source in SOURCES if _matches(source, event)), None)
    return None if source is None or source.action == "defer" else source


def raised_from_of(source: AlertSource, event: Event) -> str:
    """The id of the event the alert counts as raised from: the event itself, or the one it was derived
    from (`AlertSource.raised_from_field`)."""
    origin = event_field(event, source.raised_from_field) if source.raised_from_field else None
    return str(origin or event.id)


def subject_of(source: AlertSource, event: Event) -> str:
    return "/".join(str(event_field(event, name) or "-") for name in source.subject)


class _Fields(dict[str, Any]):
    def __init__(self, event: Event) -> None:
        super().__init__()
        self._event = event

    def __missing__(self, key: str) -> Any:
        value = event_field(self._event, key)
        if isinstance(value, float):
            return f"{value:.2f}"
        return "unknown" if value is None else value


def title_of(source: AlertSource, event: Event) -> str:
    return source.title.format_map(_Fields(event))[:300]
