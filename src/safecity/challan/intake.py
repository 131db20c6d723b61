"""Violation intake: rule events and plate reads in, violations in the validation or registry queue out.

Service functions run inside the caller's transaction and return the events to publish after commit, so
the bus consumer and tests call the same code. Every entry point is idempotent: a violation is keyed by
its source (the rule event id, or the two reads of a section), a plate read by its event id.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.anpr.events import PlateReadEvent
from safecity.challan.clips import initial_clip_status
from safecity.challan.events import ViolationDetectedEvent
from safecity.challan.events import derived_id
from safecity.challan.evidence import EvidenceKind
from safecity.challan.evidence import add_evidence
from safecity.challan.models import ChallanPlateRead
from safecity.challan.models import Violation
from safecity.challan.offences import same_offence
from safecity.challan.registry import vehicle_matches
from safecity.challan.runtime import ChallanRuntime
from safecity.challan.signal_feed import phase_at
from safecity.challan.vocabulary import RULE_TOPICS
from safecity.challan.vocabulary import Queue
from safecity.challan.vocabulary import RegistryStatus
from safecity.challan.vocabulary import ViolationStatus
from safecity.challan.vocabulary import ViolationType
from safecity.core.bus import Event
from safecity.core.db import utcnow
from safecity.core.db import within
from safecity.core.logs import get_logger
from safecity.pipeline.rules.traffic_config import SignalPhase
from safecity.registries.errors import RegistryError
from safecity.registries.keys import plate_lookup_key

log = get_logger(__name__)


@dataclass
class Draft:
    """A violation about to be recorded."""

    source_key: str
    violation_type: ViolationType
    camera_id: str
    occurred_at: datetime
    track_id: str | None = None
    rule: str | None = None
    object_class: str | None = None
    measured_kmh: float | None = None
    limit_kmh: float | None = None
    signal_phase: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    evidence: list[tuple[EvidenceKind, str | None, datetime | None, str | None]] = field(default_factory=list)
    plate: ChallanPlateRead | None = None


@dataclass
class BatchFacts:
    """What the intake of a batch of events looks up once for the whole batch instead of once per event:
    which source keys have a violation already, and which (camera, track) pairs have a stored plate read
    near the batch's times (a rule hit of any other track needs no plate query). Plate reads the batch
    stores are added as it goes."""

    recorded_sources: set[str] = field(default_factory=set)
    plated_tracks: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def of(cls, session: Session, runtime: ChallanRuntime, events: Sequence[Event]) -> BatchFacts:
        rule_events = [event for event in events if event.type in RULE_TOPICS and event.camera_id]
        if not rule_events:
            return cls()
        recorded = session.scalars(
            select(Violation.source_key).where(Violation.source_key.in_([str(e.id) for e in rule_events]))
        )
        window = timedelta(seconds=runtime.settings.plate_attach_seconds)
        times = [event.time for event in rule_events]
        plated = session.execute(
            select(ChallanPlateRead.camera_id, ChallanPlateRead.track_id)
            .where(
                ChallanPlateRead.camera_id.in_({event.camera_id for event in rule_events}),
                ChallanPlateRead.track_id.is_not(None),
                ChallanPlateRead.time.between(min(times) - window, max(times) + window),
            )
            .distinct()
        )
        return cls(set(recorded), {(camera, str(track)) for camera, track in plated})

    def note_plate(self, read: ChallanPlateRead) -> None:
        if read.track_id is not None:
            self.plated_tracks.add((read.camera_id, str(read.track_id)))


def ingest_rule_event(
    session: Session, runtime: ChallanRuntime, event: Event, facts: BatchFacts | None = None
) -> list[Event]:
    """A pipeline `rule.*` event: a violation when its type is one e-challan enforces."""
    violation_type = RULE_TOPICS.get(event.type)
    if violation_type is None or event.camera_id is None:
        return []
    payload = event.payload
    draft = Draft(
        source_key=str(event.id),
        violation_type=violation_type,
        camera_id=event.camera_id,
        occurred_at=event.time,
        track_id=as_text(payload.get("track_id")),
        rule=as_text(payload.get("rule")),
        object_class=as_text(payload.get("object_class")),
        measured_kmh=_number(payload.get("speed_kmh")),
        limit_kmh=_number(payload.get("limit_kmh")),
        signal_phase=as_text(payload.get("signal_phase")),
        details={k: v for k, v in payload.items() if k != "snapshot_sha256"},
    )
    draft.details["source_event_id"] = str(event.id)
    draft.evidence.append((EvidenceKind.SNAPSHOT, as_text(payload.get("snapshot_sha256")), event.time, None))
    if violation_type is ViolationType.RED_LIGHT and not _red_confirmed(session, draft):
        return []
    return record_violation(session, runtime, draft, facts)


def _red_confirmed(session: Session, draft: Draft) -> bool:
    """When the controller feed reported this signal, it has the last word over the camera's schedule."""
    signal = as_text(draft.details.get("signal")) or draft.rule
    if signal is None:
        return True
    reported = phase_at(session, signal, draft.occurred_at)
    if reported is None:
        return True
    draft.details["controller_phase"] = reported.value
    if reported is not SignalPhase.RED:
        log.warning("red light not confirmed by the controller feed", signal=signal, phase=reported.value)
        return False
    draft.signal_phase = SignalPhase.RED.value
    return True


def record_violation(
    session: Session, runtime: ChallanRuntime, draft: Draft, facts: BatchFacts | None = None
) -> list[Event]:
    """Store a violation (once per source key) with its plate, evidence, registry check and dedup."""
    if facts is not None:
        if draft.source_key in facts.recorded_sources:
            return []
        facts.recorded_sources.add(draft.source_key)
    elif session.scalar(select(Violation.id).where(Violation.source_key == draft.source_key)) is not None:
        return []
    location = runtime.locations.locate(session, draft.camera_id)
    violation = Violation(
        id=uuid.uuid4().hex,
        source_key=draft.source_key,
        violation_type=draft.violation_type.value,
        camera_id=draft.camera_id,
        track_id=draft.track_id,
        rule=draft.rule,
        object_class=draft.object_class,
        occurred_at=draft.occurred_at,
        latitude=location[0] if location else None,
        longitude=location[1] if location else None,
        measured_kmh=draft.measured_kmh,
        limit_kmh=draft.limit_kmh,
        signal_phase=draft.signal_phase,
        details=draft.details,
        queue=Queue.VALIDATION.value,
        status=ViolationStatus.PENDING.value,
        registry_status=RegistryStatus.NO_PLATE.value,
        created_at=utcnow(),
        clip_status=initial_clip_status(runtime),
        clip_attempts=0,
    )
    session.add(violation)
    session.flush()
    for kind, sha256, captured_at, camera_id in draft.evidence:
        add_evidence(session, violation, kind, sha256, captured_at, camera_id)
    if runtime.context is not None:
        for item in runtime.context.collect(violation.camera_id, violation.occurred_at):
            add_evidence(session, violation, item.kind, item.sha256, item.captured_at)
    plate = draft.plate or _plate_for(session, runtime, violation, facts)
    if plate is not None:
        attach_plate(session, runtime, violation, plate)
    session.flush()
    if violation.status == ViolationStatus.DUPLICATE.value:
        return []
    return [detected_event(violation)]


def detected_event(violation: Violation) -> ViolationDetectedEvent:
    return ViolationDetectedEvent(
        id=derived_id("violation", f"{violation.id}/{violation.plate_event_id or ''}"),
        time=utcnow(),
        camera_id=violation.camera_id,
        source="challan",
        violation_id=violation.id,
        violation_type=violation.violation_type,
        occurred_at=violation.occurred_at,
        queue=violation.queue,
        plate=violation.plate_text,
        source_event_id=violation.details.get("source_event_id"),
    )


def attach_plate(
    session: Session, runtime: ChallanRuntime, violation: Violation, read: ChallanPlateRead
) -> None:
    violation.plate_text = read.text
    violation.plate_key = read.plate_key
    violation.plate_confidence = read.confidence
    violation.plate_event_id = read.event_id
    add_evidence(session, violation, EvidenceKind.PLATE_CROP, read.crop_sha256, read.time, read.camera_id)
    add_evidence(
        session, violation, EvidenceKind.PLATE_SNAPSHOT, read.snapshot_sha256, read.time, read.camera_id
    )
    check_registry(session, runtime, violation)
    mark_if_duplicate(session, runtime, violation)


def check_registry(session: Session, runtime: ChallanRuntime, violation: Violation) -> None:
    """Unknown plates and vehicles that do not fit the registered class go to the registry queue."""
    if violation.plate_key is None:
        violation.registry_status = RegistryStatus.NO_PLATE.value
        return
    try:
        record = runtime.registry.lookup(session, plate_lookup_key(violation.plate_key))
    except RegistryError:
        # Never blocks intake: an officer's validation asks the registry again.
        violation.registry_status = RegistryStatus.REGISTRY_UNAVAILABLE.value
        violation.queue = Queue.REGISTRY.value
        return
    if record is None:
        violation.registry_status = RegistryStatus.UNKNOWN_PLATE.value
        violation.queue = Queue.REGISTRY.value
    elif not vehicle_matches(violation.object_class, record.vehicle_class):
        violation.registry_status = RegistryStatus.VEHICLE_MISMATCH.value
        violation.queue = Queue.REGISTRY.value
        violation.details = {**violation.details, "registered_class": record.vehicle_class}
    else:
        violation.registry_status = RegistryStatus.OK.value
        violation.queue = Queue.VALIDATION.value


def mark_if_duplicate(session: Session, runtime: ChallanRuntime, violation: Violation) -> None:
    """The same plate, violation and camera within the window is one violation: later ones are duplicates."""
    if violation.plate_key is None or violation.status != ViolationStatus.PENDING.value:
        return
    first = session.scalar(
        select(Violation)
        .where(
            Violation.id != violation.id,
            Violation.status.in_([ViolationStatus.PENDING.value, ViolationStatus.ACCEPTED.value]),
            *same_offence(Violation, violation, runtime.settings),
        )
        .order_by(Violation.occurred_at, Violation.created_at)
        .limit(1)
    )
    if first is not None:
        violation.status = ViolationStatus.DUPLICATE.value
        violation.duplicate_of = first.id


def _plate_for(
    session: Session, runtime: ChallanRuntime, violation: Violation, facts: BatchFacts | None
) -> ChallanPlateRead | None:
    """A plate read of the same camera and track close in time (never a guess from another vehicle)."""
    if violation.track_id is None:
        return None
    if facts is not None and (violation.camera_id, violation.track_id) not in facts.plated_tracks:
        return None
    window = timedelta(seconds=runtime.settings.plate_attach_seconds)
    return session.scalar(
        select(ChallanPlateRead)
        .where(
            ChallanPlateRead.camera_id == violation.camera_id,
            ChallanPlateRead.track_id == violation.track_id,
            within(ChallanPlateRead.time, violation.occurred_at, window),
        )
        .order_by(ChallanPlateRead.confidence.desc())
        .limit(1)
    )


def store_plate_read(session: Session, event: PlateReadEvent) -> ChallanPlateRead | None:
    """Keep a read for pairing and attachment; None when it was already stored."""
    if session.get(ChallanPlateRead, str(event.id)) is not None:
        return None
    try:
        key = event.plate_key().key
    except ValueError:
        return None
    read = ChallanPlateRead(**event.stored_fields(), plate_key=key)
    session.add(read)
    session.flush()
    return read


def ingest_plate_read(
    session: Session, runtime: ChallanRuntime, event: PlateReadEvent, facts: BatchFacts | None = None
) -> list[Event]:
    """Attach the plate to waiting violations of the same track, then try section control."""
    from safecity.challan.sections import pair_sections

    read = store_plate_read(session, event)
    if read is None:
        return []
    if facts is not None:
        facts.note_plate(read)
    events: list[Event] = []
    if read.track_id is not None:
        window = timedelta(seconds=runtime.settings.plate_attach_seconds)
        waiting = session.scalars(
            select(Violation).where(
                Violation.camera_id == read.camera_id,
                Violation.track_id == read.track_id,
                Violation.plate_key.is_(None),
                Violation.status == ViolationStatus.PENDING.value,
                within(Violation.occurred_at, read.time, window),
            )
        )
        for violation in waiting:
            attach_plate(session, runtime, violation, read)
            if violation.status == ViolationStatus.PENDING.value:
                events.append(detected_event(violation))
    events.extend(pair_sections(session, runtime, read))
    return events


def as_text(value: object) -> str | None:
    """A payload value as text (a track id may come as a number), None when absent."""
    return None if value is None else str(value)


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
