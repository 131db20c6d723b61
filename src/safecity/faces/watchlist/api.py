"""`/api/v1/watchlists/persons`: face watchlist subjects and their example images.

Changes need `watchlists.manage` and are audited; reading the list needs `faces.search`. Enrolling an image
runs the enrolment quality gate: an image without exactly one usable face is refused (422) with the reason.
Deleting a subject (or an image) removes its vectors from the database and from the search index.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated
from typing import Any

from fastapi import APIRouter
from fastapi import Response
from fastapi import UploadFile
from fastapi import status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from safecity.core.auth.permissions import Permission
from safecity.core.errors import InvalidInputError
from safecity.core.http.auditing import actor_of
from safecity.core.http.deps import ServicesDep
from safecity.core.http.outputs import from_row
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.core.http.services import Services
from safecity.faces.runtime import FaceWatchlistDep
from safecity.faces.watchlist import service
from safecity.faces.watchlist.models import FaceSubject
from safecity.faces.watchlist.models import FaceSubjectImage
from safecity.faces.watchlist.schemas import SubjectIn
from safecity.faces.watchlist.schemas import SubjectPatch
from safecity.vision.faces import FaceError

router = APIRouter(prefix="/api/v1/watchlists/persons", tags=["face watchlist"])
Reader = Annotated[Principal, require(Permission.FACES_SEARCH)]
Manager = Annotated[Principal, require(Permission.WATCHLISTS_MANAGE)]


class ImageOut(BaseModel):
    id: int
    sha256: str
    box: list[float]
    quality: dict[str, Any]
    added_by: str
    created_at: datetime


class SubjectOut(BaseModel):
    id: str
    name: str
    category: str
    case_ref: str
    legal_authority: str
    reason: str
    expires_at: datetime | None
    expired: bool
    vectors: int
    images: list[ImageOut]
    created_by: str
    created_at: datetime
    updated_at: datetime


class EnrolledOut(BaseModel):
    image: ImageOut
    notes: list[str]


def image_out(image: FaceSubjectImage) -> ImageOut:
    return from_row(ImageOut, image)


def subject_out(subject: FaceSubject, vectors: int) -> SubjectOut:
    images = [image_out(image) for image in subject.images]
    return from_row(SubjectOut, subject, expired=service.is_expired(subject), vectors=vectors, images=images)


def _view(services: Services, subject_id: str) -> SubjectOut:
    with services.database.session() as session:
        subject = service.get_subject(session, subject_id)
        return subject_out(subject, service.vector_counts(session).get(subject_id, 0))


@router.get("", response_model=list[SubjectOut])
def list_subjects(services: ServicesDep, _: Reader) -> list[SubjectOut]:
    with services.database.session() as session:
        counts = service.vector_counts(session)
        return [subject_out(s, counts.get(s.id, 0)) for s in service.list_subjects(session)]


@router.post("", response_model=SubjectOut, status_code=status.HTTP_201_CREATED)
def create_subject(
    body: SubjectIn, services: ServicesDep, watchlist: FaceWatchlistDep, principal: Manager
) -> SubjectOut:
    subject = watchlist.create_subject(body, actor_of(principal))
    return _view(services, subject.id)


@router.get("/{subject_id}", response_model=SubjectOut)
def get_subject(subject_id: str, services: ServicesDep, _: Reader) -> SubjectOut:
    return _view(services, subject_id)


@router.patch("/{subject_id}", response_model=SubjectOut)
def update_subject(
    subject_id: str,
    body: SubjectPatch,
    services: ServicesDep,
    watchlist: FaceWatchlistDep,
    principal: Manager,
) -> SubjectOut:
    watchlist.update_subject(subject_id, body, actor_of(principal))
    return _view(services, subject_id)


@router.delete("/{subject_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_subject(subject_id: str, watchlist: FaceWatchlistDep, principal: Manager) -> Response:
    watchlist.delete_subject(subject_id, actor_of(principal))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{subject_id}/images", response_model=EnrolledOut, status_code=status.HTTP_201_CREATED)
async def enrol_image(
    subject_id: str, file: UploadFile, watchlist: FaceWatchlistDep, principal: Manager
) -> EnrolledOut:
    """Upload an example photo of the subject; refused (422, with the reason) without one usable face."""
    data = await file.read()
    label = file.filename or "the image"
    suffix = Path(label).suffix.lower() if Path(label).suffix.lower() in {".jpg", ".jpeg", ".png"} else ".jpg"
    try:
        image, notes = await run_in_threadpool(
            watchlist.enrol, subject_id, data, actor_of(principal), label=label, suffix=suffix
        )
    except FaceError as exc:
        raise InvalidInputError(str(exc), field="file") from exc
    return EnrolledOut(image=image_out(image), notes=notes)


@router.delete("/{subject_id}/images/{image_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_image(subject_id: str, image_id: int, watchlist: FaceWatchlistDep, principal: Manager) -> Response:
    watchlist.delete_image(subject_id, image_id, actor_of(principal))
    return Response(status_code=status.HTTP_204_NO_CONTENT)
