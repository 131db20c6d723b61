"""The durable bus consumer "alerts": camera health, rule hits, watchlist candidates and sightings of persons
of interest become alerts; a confirmed face match confirms the alert raised from its candidate."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from safecity.alerts import service
from safecity.alerts.batch_events import BatchEvents
from safecity.alerts.camera_places import CameraPlace
from safecity.alerts.camera_places import camera_places
from safecity.alerts.confirmation import MATCH_CONFIRMED
from safecity.alerts.confirmation import confirm_raised_from
from safecity.alerts.merge_targets import MergeTargets
from safecity.alerts.sources import event_field
from safecity.alerts.sources import raised_from_of
from safecity.alerts.sources import source_for
from safecity.alerts.sources import subject_of
from safecity.alerts.sources import title_of
from safecity.core.bus import BatchSubscriber
from safecity.core.bus import Event
from safecity.core.bus import EventBus
from safecity.core.bus import IdempotencyGuard
from safecity.core.db import Database

CONSUMER = "alerts"
PATTERNS = (
    "camera.health",
    "cluster.>",
    "recordings.quota",
    "rule.>",
    "watchlist.vehicle_hit",
    "face.candidate",
    "poi.sighting",
    MATCH_CONFIRMED,
)


def _details(event: Event) -> dict[str, Any]:
    typed = event.model_dump(mode="json", exclude=set(Event.model_fields))
    details: dict[str, Any] = {**event.payload, **typed}
    details["event_id"] = str(event.id)
    return details


def _coordinate(details: dict[str, Any], *names: str) -> float | None:
    for name in names:
        value = details.get(name)
        if isinstance(value, int | float):
            return float(value)
    return None


MAX_BATCH = 200


class AlertConsumer:
    """Idempotent by event id: the handled ids are looked up and stored in the same transaction as the alert
    changes (so the bus keeps no second record: `handler_tracks_handled`).

    Where the bus hands out batches, every waiting event is applied in one transaction (one commit instead of
    one per event: at 50 alarms/s one at a time fell minutes behind), with one query per batch for what was
    handled, for the cameras' places and for the alerts a hit may merge into; only a new alert's insert is
    one round trip per alert. A batch that fails is retried by the bus one event at a time."""

    def __init__(self, database: Database, bus: EventBus) -> None:
        self._database = database
        self._bus = bus
        self._guard = IdempotencyGuard(database)

    async def start(self) -> None:
        if isinstance(self._bus, BatchSubscriber):
            await self._bus.subscribe_batches(
                CONSUMER, PATTERNS, self.handle_batch, max_batch=MAX_BATCH, handler_tracks_handled=True
            )
        else:
            await self._bus.subscribe(CONSUMER, PATTERNS, self.handle)

    async def handle(self, event: Event) -> None:
        await self.handle_batch([event])

    async def handle_batch(self, events: Sequence[Event]) -> None:
        # Published together, not one acknowledged round trip after another; started in order, so they
        # reach the stream in order.
        outgoing = await asyncio.to_thread(self.apply_all, events)
        await asyncio.gather(*(self._bus.publish(event) for event in outgoing))

    def apply(self, event: Event) -> list[Event]:
        """Apply one source event; returns the `alert.*` events to publish."""
        return self.apply_all([event])

    def apply_all(self, events: Sequence[Event]) -> list[Event]:
        """Apply source events in order, in one transaction; returns the `alert.*` events to publish."""
        wanted = [e for e in events if source_for(e) is not None or e.type == MATCH_CONFIRMED]
        if not wanted:
            return []
        with self._database.session() as session:
            fresh = self._guard.unhandled_in(session, CONSUMER, wanted)
            self._guard.mark_all_handled_in(session, CONSUMER, [event.id for event in fresh])
            places = camera_places(session, (event.camera_id for event in fresh))
            raising = {event.id: _alert_input(event, places) for event in fresh}
            targets = MergeTargets(session)
            targets.prefetch(data.dedup_key for data in raising.values() if data is not None)
            outgoing = BatchEvents(session)
            for event in fresh:
                _apply_in(session, event, raising[event.id], targets, outgoing)
            return outgoing.all()


def _alert_input(event: Event, places: dict[str, CameraPlace]) -> service.AlertInput | None:
    """What the event raises; None when it resolves alerts or confirms one instead."""
    source = source_for(event)
    if source is None or source.action == "resolve":
        return None
    details = _details(event)
    latitude = _coordinate(details, "lat", "latitude")
    longitude = _coordinate(details, "lon", "long", "longitude")
    place = places.get(event.camera_id) if event.camera_id else None
    if (latitude is None or longitude is None) and place is not None:
        latitude, longitude = place.latitude, place.longitude
    return service.AlertInput(
        kind=source.kind,
        severity=source.severity,
        title=title_of(source, event),
        subject=subject_of(source, event),
        source_topic=event.type,
        camera_id=event.camera_id,
        cooldown_seconds=source.cooldown_seconds,
        requires_confirmation=source.requires_confirmation,
        latitude=latitude,
        longitude=longitude,
        details=details,
        source_event_id=raised_from_of(source, event),
    )


def _apply_in(
    session: Session,
    event: Event,
    raising: service.AlertInput | None,
    targets: MergeTargets,
    outgoing: BatchEvents,
) -> None:
    if raising is not None:
        target = targets.latest(raising.dedup_key)
        if target is not None and target.id is None:
            outgoing.settle()  # a repeat of an alert raised earlier in the batch: its event shows count 1
        raised = service.raise_alert(session, raising, event.time, targets, flush=False)
        outgoing.add("created" if raised.created else "repeated", raised.alert)
        return
    outgoing.settle()  # what follows may change alerts raised earlier in the batch
    source = source_for(event)
    if source is None:
        _confirm(session, event, outgoing)
        return
    resolved = service.resolve_open(
        session, source.kind, event.camera_id, event.time, f"{event.type} at {event.time.isoformat()}"
    )
    for alert in resolved:
        outgoing.add("resolved", alert)


def _confirm(session: Session, event: Event, outgoing: BatchEvents) -> None:
    """`face.match_confirmed`: the people who confirmed the match confirm the alert of its candidate."""
    details = _details(event)
    confirmers = [str(name) for name in details.get("confirmed_by", [])]
    source_event_id = str(details.get("candidate_event_id") or "")
    if not source_event_id:
        return
    subject = str(event_field(event, "entry_id") or "-")
    for alert in confirm_raised_from(session, source_event_id, subject, confirmers, event.time):
        outgoing.add("confirmed", alert, ",".join(confirmers))
