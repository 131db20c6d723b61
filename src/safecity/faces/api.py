"""`/api/v1/faces`: 1:N face search, forensic search over stored sightings, and candidate review.

Searches and candidate views are personal-data reads: a `purpose` is required (422 without), the access is
audited before the route runs. A candidate becomes a confirmed match only when two different people with
`faces.confirm` confirm it; a reject by anyone rejects it; the same person twice is a 409.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from typing import Literal

from fastapi import APIRouter
from fastapi import Query
from fastapi import UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import AwareDatetime
from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field

from safecity.core.auth.permissions import Permission
from safecity.core.errors import InvalidInputError
from safecity.core.http.access import PersonalDataAccess
from safecity.core.http.access import personal_data_read
from safecity.core.http.actions import change
from safecity.core.http.auditing import actor_of
from safecity.core.http.deps import ServicesDep
from safecity.core.http.outputs import from_row
from safecity.faces.retention import FACE_CROPS
from safecity.faces.runtime import FaceWatchlistDep
from safecity.faces.service import SightingHit
from safecity.faces.service import forensic_search
from safecity.faces.watchlist import candidates as candidate_service
from safecity.faces.watchlist.models import FaceCandidate
from safecity.vision.faces import FaceError
from safecity.vision.faces import ImageInputError
from safecity.vision.faces import SearchMode
from safecity.vision.faces import primary_face

router = APIRouter(prefix="/api/v1/faces", tags=["faces"])
SearchAccess = Annotated[PersonalDataAccess, personal_data_read(Permission.FACES_SEARCH, "face.search")]
ForensicAccess = Annotated[PersonalDataAccess, personal_data_read(Permission.FACES_SEARCH, "face.forensic")]
CandidateView = Annotated[
    PersonalDataAccess, personal_data_read(Permission.FACES_CONFIRM, "face.candidate.view")
]
CandidateDecide = Annotated[
    PersonalDataAccess, personal_data_read(Permission.FACES_CONFIRM, "face.candidate.decide")
]


class CandidateMatchOut(BaseModel):
    subject: str
    name: str
    category: str
    score: float
    distance: float


class SearchFaceOut(BaseModel):
    box: list[float]
    quality: dict[str, object]
    model: str | None
    candidates: list[CandidateMatchOut]


class SearchOut(BaseModel):
    mode: SearchMode
    faces: list[SearchFaceOut]


@router.post("/search", response_model=SearchOut)
async def search(
    file: UploadFile,
    services: ServicesDep,
    watchlist: FaceWatchlistDep,
    access: SearchAccess,
    mode: Annotated[SearchMode, Query()] = SearchMode.IDENTIFICATION,
    k: Annotated[int, Query(ge=1, le=100)] = 5,
) -> SearchOut:
    """Every face of the uploaded image with its watchlist candidates. Identification: only subjects within
    the model's threshold (an empty list: not on the watchlist). Investigation: the k nearest, ranked."""
    data = await file.read()
    try:
        found = await run_in_threadpool(watchlist.identify, data, mode=mode, k=k)
    except ImageInputError as exc:
        raise InvalidInputError(str(exc), field="file") from exc
    return SearchOut.model_validate({"mode": mode, "faces": [face.to_dict() for face in found]})


# A forensic hit as it is answered (its name in the API), distance and score rounded to 4 places.
class SightingOut(SightingHit):
    pass


class ForensicOut(BaseModel):
    probe_box: list[float]
    model: str
    sightings: list[SightingOut]


@router.post("/forensic", response_model=ForensicOut)
async def forensic(
    file: UploadFile,
    since: Annotated[AwareDatetime, Query()],
    until: Annotated[AwareDatetime, Query()],
    services: ServicesDep,
    watchlist: FaceWatchlistDep,
    access: ForensicAccess,
    camera_id: Annotated[list[str] | None, Query(description="Limit to these cameras (repeatable).")] = None,
    k: Annotated[int, Query(ge=1, le=500)] = 50,
) -> ForensicOut:
    """Stored face crops nearest to the uploaded face within [since, until] (and cameras), ranked; crops past
    the face-crop retention period are never returned."""
    if until < since:
        raise InvalidInputError("until is before since")
    data = await file.read()
    retention_days = FACE_CROPS.days(services.settings.retention)

    def run() -> ForensicOut:
        face, _ = primary_face(watchlist.pipeline("search").analyse(data), file.filename or "the image")
        assert face.embedding is not None
        with services.database.session() as session:
            hits = forensic_search(
                session,
                face.embedding,
                since=since,
                until=until,
                camera_ids=camera_id or (),
                k=k,
                retention_days=retention_days,
            )
        return ForensicOut(
            probe_box=face.box.as_list(),
            model=face.embedding.model_id,
            sightings=[
                from_row(SightingOut, hit, distance=round(hit.distance, 4), score=round(hit.score, 4))
                for hit in hits
            ],
        )

    try:
        return await run_in_threadpool(run)
    except FaceError as exc:
        raise InvalidInputError(str(exc), field="file") from exc


class DecisionOut(BaseModel):
    username: str
    role: str
    decision: str
    note: str
    created_at: datetime


class CandidateOut(BaseModel):
    id: int
    event_id: str
    subject_id: str
    subject_name: str
    category: str
    score: float
    distance: float
    model: str
    probe_sha256: str
    enrolled_sha256: str
    camera_id: str | None
    track_id: str
    seen_at: datetime
    status: str
    decided_at: datetime | None
    decisions: list[DecisionOut]


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["confirm", "reject"]
    note: str = Field("", max_length=2000)


def candidate_out(candidate: FaceCandidate) -> CandidateOut:
    decisions = [from_row(DecisionOut, d) for d in candidate.decisions]
    return from_row(CandidateOut, candidate, model=candidate.model_id, decisions=decisions)


@router.get("/candidates", response_model=list[CandidateOut])
def list_candidates(
    services: ServicesDep,
    _: CandidateView,
    status_filter: Annotated[
        str | None, Query(alias="status", pattern="^(pending|confirmed|rejected)$")
    ] = None,
    subject_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[CandidateOut]:
    with services.database.session() as session:
        found = candidate_service.list_candidates(
            session, status=status_filter, subject_id=subject_id, limit=limit
        )
        return [candidate_out(c) for c in found]


@router.get("/candidates/{candidate_id}", response_model=CandidateOut)
def get_candidate(candidate_id: int, services: ServicesDep, _: CandidateView) -> CandidateOut:
    """The candidate with the probe crop's and the enrolled image's sha256 (`GET /api/v1/media/{sha256}`)."""
    with services.database.session() as session:
        return candidate_out(candidate_service.get_candidate(session, candidate_id))


@router.post("/candidates/{candidate_id}/decisions", response_model=CandidateOut)
def decide(
    candidate_id: int, body: DecisionIn, services: ServicesDep, access: CandidateDecide
) -> CandidateOut:
    """Confirm or reject. Two confirmations by different people confirm the match (`face.match_confirmed`);
    one reject rejects it; a second decision by the same person, or any on a decided candidate, is a 409."""
    with change(services) as ch:  # the decision's audit entry carries the stated purpose: see decide()
        candidate, events = candidate_service.decide(
            ch.session,
            candidate_id,
            candidate_service.Decision(body.decision),
            body.note,
            actor_of(access.principal),
            purpose=access.purpose,
            case_ref=access.case_ref,
        )
        ch.publish(*events)
        return candidate_out(candidate)
