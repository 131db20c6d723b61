"""`face.candidate`, `face.match_confirmed`, `face.candidate_rejected`: the face watchlist's bus events.

A candidate is only a machine suggestion. Only `face.match_confirmed` (two different authorised people
confirmed it) may open an incident.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from safecity.core.bus import Event
from safecity.core.bus import register_event


class _CandidateEvent(Event):
    candidate_id: int
    subject_id: str
    subject_name: str
    category: str
    score: float
    distance: float
    model: str
    probe_sha256: str
    enrolled_sha256: str
    track_id: str = ""
    seen_at: datetime


@register_event
class FaceCandidateEvent(_CandidateEvent):
    """A live face is within a watchlist subject's threshold; needs two-person confirmation."""

    type: Literal["face.candidate"] = "face.candidate"


@register_event
class FaceMatchConfirmedEvent(_CandidateEvent):
    """Two different people holding faces.confirm confirmed the candidate."""

    type: Literal["face.match_confirmed"] = "face.match_confirmed"
    confirmed_by: list[str]
    candidate_event_id: str = ""  # the candidate's `face.candidate` event: what an alert was raised from


@register_event
class FaceCandidateRejectedEvent(_CandidateEvent):
    type: Literal["face.candidate_rejected"] = "face.candidate_rejected"
    rejected_by: str
