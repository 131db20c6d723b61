"""The signal controller feed as stored: phase changes reported over the API, queried at a crossing time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.challan.models import SignalPhaseChange
from safecity.core.db import utcnow
from safecity.pipeline.rules.traffic_config import SignalPhase


def record_phase(
    session: Session, signal: str, phase: SignalPhase, changed_at: datetime, reported_by: str
) -> SignalPhaseChange:
    change = SignalPhaseChange(
        signal=signal, phase=phase.value, changed_at=changed_at, received_at=utcnow(), reported_by=reported_by
    )
    session.add(change)
    session.flush()
    return change


def phase_at(session: Session, signal: str, at: datetime) -> SignalPhase | None:
    """The phase the controller reported for `signal` at `at`, or None when the feed says nothing."""
    phase = session.scalar(
        select(SignalPhaseChange.phase)
        .where(SignalPhaseChange.signal == signal, SignalPhaseChange.changed_at <= at)
        .order_by(SignalPhaseChange.changed_at.desc(), SignalPhaseChange.id.desc())
        .limit(1)
    )
    return SignalPhase(phase) if phase is not None else None
