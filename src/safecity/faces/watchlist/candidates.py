"""Face candidates and the two-person rule (EU AI Act Art. 14(5) practice).

A live face within a subject's threshold becomes a *candidate* (`face.candidate`). It becomes a confirmed
match only when two different people holding `faces.confirm` confirm it; one reject by anyone rejects it.
The same person deciding twice is refused (409), as is any decision on a candidate already decided.
Confirmation publishes `face.match_confirmed`; the alerts domain confirms the candidate's alert from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.audit.actors import audit_change
from safecity.core.bus import Event
from safecity.core.db import get_or_raise
from safecity.core.db import utcnow
from safecity.core.db import where_given
from safecity.core.errors import ConflictError
from safecity.core.errors import NotFoundError
from safecity.faces.watchlist.events import FaceCandidateEvent
from safecity.faces.watchlist.events import FaceCandidateRejectedEvent
from safecity.faces.watchlist.events import FaceMatchConfirmedEvent
from safecity.faces.watchlist.models import CandidateStatus
from safecity.faces.watchlist.models import FaceCandidate
from safecity.faces.watchlist.models import FaceCandidateDecision
from safecity.faces.watchlist.service import WatchlistError

CONFIRMATIONS_NEEDED = 2


class Decision(StrEnum):
    CONFIRM = "confirm"
    REJECT = "reject"


class CandidateNotFoundError(WatchlistError, NotFoundError):
    pass


class DecisionConflictError(WatchlistError, ConflictError):
    """The decision is not allowed in the candidate's state (already decided, or by this person)."""


def get_candidate(session: Session, candidate_id: int) -> FaceCandidate:
    return get_or_raise(
        session, FaceCandidate, candidate_id, CandidateNotFoundError(f"no face candidate {candidate_id}")
    )


def list_candidates(
    session: Session, *, status: str | None = None, subject_id: str | None = None, limit: int = 100
) -> Sequence[FaceCandidate]:
    query = where_given(
        select(FaceCandidate), (FaceCandidate.status, status), (FaceCandidate.subject_id, subject_id)
    )
    return session.scalars(query.order_by(FaceCandidate.id.desc()).limit(limit)).all()


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
        confirmed = {"confirmed_by": confirmers, "candidate_event_id": candidate.event_id, "time": moment}
        events.append(FaceMatchConfirmedEvent.model_validate({**_fields(candidate), **confirmed}))
    session.flush()
    details = {
        "decision": decision.value,
        "note": note.strip(),
        "status": candidate.status,
        "subject_id": candidate.subject_id,
        "confirmed_by": confirmers,
    }
    audit_change(
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
