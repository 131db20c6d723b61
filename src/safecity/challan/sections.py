"""Section control: average speed between two ANPR cameras a known distance apart.

Reads are paired only when their plates match within a strict budget (`plates_match`, default exact): a
misread at either end pairs with nobody, so it can never put someone else's plate on a ticket. Whichever
read arrives second completes the pair; the pair's two event ids key the violation, so it is recorded once.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.challan.evidence import EvidenceKind
from safecity.challan.intake import Draft
from safecity.challan.intake import record_violation
from safecity.challan.models import ChallanPlateRead
from safecity.challan.runtime import ChallanRuntime
from safecity.challan.vocabulary import ViolationType
from safecity.config.challan import SectionSettings
from safecity.core.bus import Event
from safecity.vision.plates import plates_match

MAX_CANDIDATES = 5000


def average_speed_kmh(distance_m: float, seconds: float) -> float:
    if seconds <= 0:
        raise ValueError("the exit read must come after the entry read")
    return distance_m / seconds * 3.6


def pair_sections(session: Session, runtime: ChallanRuntime, read: ChallanPlateRead) -> list[Event]:
    settings = runtime.settings
    if read.confidence < settings.section_min_confidence:
        return []
    events: list[Event] = []
    for section in settings.sections:
        if read.camera_id == section.exit_camera:
            entry = _partner(session, runtime, section, read, earlier=True)
            if entry is not None:
                events.extend(_judge(session, runtime, section, entry, read))
        elif read.camera_id == section.entry_camera:
            exit_read = _partner(session, runtime, section, read, earlier=False)
            if exit_read is not None:
                events.extend(_judge(session, runtime, section, read, exit_read))
    return events


def _partner(
    session: Session,
    runtime: ChallanRuntime,
    section: SectionSettings,
    read: ChallanPlateRead,
    *,
    earlier: bool,
) -> ChallanPlateRead | None:
    """The nearest read at the other end, within the section's time limit, with a matching plate."""
    window = timedelta(minutes=section.max_minutes)
    other_camera = section.entry_camera if earlier else section.exit_camera
    query = select(ChallanPlateRead).where(
        ChallanPlateRead.camera_id == other_camera,
        ChallanPlateRead.confidence >= runtime.settings.section_min_confidence,
    )
    if earlier:
        query = query.where(ChallanPlateRead.time < read.time, ChallanPlateRead.time >= read.time - window)
        query = query.order_by(ChallanPlateRead.time.desc())
    else:
        query = query.where(ChallanPlateRead.time > read.time, ChallanPlateRead.time <= read.time + window)
        query = query.order_by(ChallanPlateRead.time)
    budget = runtime.settings.section_match_budget
    if budget == 0:
        query = query.where(ChallanPlateRead.plate_key == read.plate_key)
    for candidate in session.scalars(query.limit(MAX_CANDIDATES)):
        if plates_match(candidate.plate_key, read.plate_key, edit_budget=budget):
            return candidate
    return None


def _judge(
    session: Session,
    runtime: ChallanRuntime,
    section: SectionSettings,
    entry: ChallanPlateRead,
    exit_read: ChallanPlateRead,
) -> list[Event]:
    seconds = (exit_read.time - entry.time).total_seconds()
    speed = average_speed_kmh(section.distance_m, seconds)
    if speed <= section.limit_kmh + section.tolerance_kmh:
        return []
    draft = Draft(
        source_key=f"section:{section.name}:{entry.event_id}:{exit_read.event_id}",
        violation_type=ViolationType.SECTION_SPEED,
        camera_id=section.exit_camera,
        occurred_at=exit_read.time,
        rule=section.name,
        measured_kmh=round(speed, 1),
        limit_kmh=section.limit_kmh,
        details={
            "section": section.name,
            "entry_camera": section.entry_camera,
            "entry_time": entry.time.isoformat(),
            "entry_read_event_id": entry.event_id,
            "exit_read_event_id": exit_read.event_id,
            "distance_m": section.distance_m,
            "seconds": round(seconds, 3),
            "average_speed_kmh": round(speed, 1),
        },
        plate=exit_read,
    )
    draft.evidence.append((EvidenceKind.ENTRY_PLATE_CROP, entry.crop_sha256, entry.time, entry.camera_id))
    draft.evidence.append((EvidenceKind.SNAPSHOT, entry.snapshot_sha256, entry.time, entry.camera_id))
    draft.evidence.append(
        (EvidenceKind.EXIT_PLATE_CROP, exit_read.crop_sha256, exit_read.time, exit_read.camera_id)
    )
    return record_violation(session, runtime, draft)
