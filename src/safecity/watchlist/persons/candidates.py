"""Face candidates and the two-person rule (EU AI Act Art. 14(5) practice).

A live face within a subject's threshold becomes a *candidate* (`face.candidate`). It becomes a confirmed
match only when two different people holding `faces.confirm` confirm it; one reject by anyone rejects it.
The same person deciding twice is refused (409), as is any decision on a candidate already decided.
Confirmation publishes `face.match_confirmed` and confirms the candidate's alert (alerts.service.confirm).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.bus import Event
from safecity.core.db import utcnow
from safecity.watchlist.persons.events import (
    FaceCandidateEvent,
    FaceCandidateRejectedEvent,
    FaceMatchConfirmedEvent,
)
from safecity.watchlist.persons.models import CandidateStatus, FaceCandidate, FaceCandidateDecision
from safecity.watchlist.persons.service import Actor, WatchlistError, audit

log = logging.getLogger(__name__)
CONFIRMATIONS_NEEDED = 2


class Decision(StrEnum):
    CONFIRM = "confirm"
    REJECT = "reject"


class CandidateNotFoundError(WatchlistError):
    pass


class DecisionConflictError(WatchlistError):
    """The decision is not allowed in the candidate's state (already decided, or by this person)."""


def get_candidate(session: Session, candidate_id: int) -> FaceCandidate:
    candidate = session.get(FaceCandidate, candidate_id)
    if candidate is None:
        raise CandidateNotFoundError(f"no face candidate {candidate_id}")
    return candidate


def list_candidates(
    session: Session, *, status: str | None = None, subject_id: str | None = None, limit: int = 100
) -> Sequence[FaceCandidate]:
    query = select(FaceCandidate).order_by(FaceCandidate.id.desc()).limit(limit)
    if status:
        query = query.where(FaceCandidate.status == status)
    if subject_id:
        query = query.where(FaceCandidate.subject_id == subject_id)
    return session.scalars(query).all()


def find_candidate(
    session: Session, subject_id: str, camera_id: str | None, track_id: str
) -> FaceCandidate | None:
    """An existing candidate of this subject for the same person track (one candidate per track)."""
    if not track_id:
        return None
    query = select(FaceCandidate).where(
        FaceCandidate.subject_id == subject_id,
        FaceCandidate.track_id == track_id,
        FaceCandidate.camera_id.is_(None) if camera_id is None else FaceCandidate.camera_id == camera_id,
    )
    return session.scalars(query.limit(1)).first()


def _fields(candidate: FaceCandidate) -> dict[str, object]:
    return {
        "candidate_id": candidate.id,
        "subject_id": candidate.subject_id,
        "subject_name": candidate.subject_name,
        "category": candidate.category,
        "score": candidate.score,
        "distance": candidate.distance,
        "model": candidate.model_id,
        "probe_sha256": candidate.probe_sha256,
        "enrolled_sha256": candidate.enrolled_sha256,
        "track_id": candidate.track_id,
        "seen_at": candidate.seen_at,
        "camera_id": candidate.camera_id,
        "source": "faces",
    }


def candidate_event(candidate: FaceCandidate) -> FaceCandidateEvent:
    """The `face.candidate` event; its id is stored on the candidate (the alert's source event)."""
    return FaceCandidateEvent.model_validate({**_fields(candidate), "id": candidate.event_id})


def decide(
    session: Session,
    candidate_id: int,
    decision: Decision,
    note: str,
    actor: Actor,
    *,
    purpose: str,
    case_ref: str = "",
    now: datetime | None = None,
) -> tuple[FaceCandidate, list[Event]]:
    """Record one person's decision; returns the candidate and the events to publish after commit."""
    moment = now or utcnow()
    candidate = get_candidate(session, candidate_id)
    if any(d.username == actor.username for d in candidate.decisions):
        raise DecisionConflictError(f"{actor.username} has already decided on candidate {candidate_id}")
    if candidate.status != CandidateStatus.PENDING.value:
        raise DecisionConflictError(f"candidate {candidate_id} is already {candidate.status}")
    candidate.decisions.append(
        FaceCandidateDecision(
            username=actor.username,
            role=actor.role,
            decision=decision.value,
            note=note.strip(),
            purpose=purpose,
        )
    )
    events: list[Event] = []
    confirmers = sorted({d.username for d in candidate.decisions if d.decision == Decision.CONFIRM.value})
    if decision is Decision.REJECT:
        candidate.status, candidate.decided_at = CandidateStatus.REJECTED.value, moment
        events.append(
            FaceCandidateRejectedEvent.model_validate({**_fields(candidate), "rejected_by": actor.username})
        )
    elif len(confirmers) >= CONFIRMATIONS_NEEDED:
        candidate.status, candidate.decided_at = CandidateStatus.CONFIRMED.value, moment
        events.append(
            FaceMatchConfirmedEvent.model_validate({**_fields(candidate), "confirmed_by": confirmers})
        )
        events.extend(_confirm_alerts(session, candidate, confirmers, moment))
    session.flush()
    details = {
        "decision": decision.value,
        "note": note.strip(),
        "status": candidate.status,
        "subject_id": candidate.subject_id,
        "confirmed_by": confirmers,
    }
    audit(
        session,
        actor,
        "face.candidate.decision",
        "face_candidate",
        candidate.id,
        details,
        purpose=purpose,
        case_ref=case_ref,
    )
    return candidate, events


def _confirm_alerts(
    session: Session, candidate: FaceCandidate, confirmers: list[str], now: datetime
) -> list[Event]:
    """Confirm the alert raised from this candidate's event, if the alerts domain made one."""
    from safecity.alerts import service as alerts
    from safecity.alerts.events import alert_event
    from safecity.alerts.models import Alert
    from safecity.alerts.schemas import AlertView

    events: list[Event] = []
    alert_ids = session.scalars(select(Alert.id).where(Alert.source_event_id == candidate.event_id)).all()
    for alert_id in alert_ids:
        try:
            with session.begin_nested():
                alert = alerts.confirm(session, alert_id, confirmers, now)
            events.append(alert_event("confirmed", AlertView.of(alert), ",".join(confirmers)))
        except Exception as exc:  # the alert may be dismissed or resolved already: the match stands
            log.warning("alert %s of face candidate %s not confirmed: %s", alert_id, candidate.id, exc)
    return events
