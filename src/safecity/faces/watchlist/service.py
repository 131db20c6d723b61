"""Subjects, enrolled images and vectors in the database; every change is audited in the same transaction.

These functions only touch the database. `runtime.FaceWatchlist` adds the face pipeline, the media store
and the in-process search index (kept in sync after each commit).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor as Actor  # the CLI builds its actor from here
from safecity.core.audit.actors import audit_change
from safecity.core.db import get_or_raise
from safecity.core.db import utcnow
from safecity.core.errors import ConflictError
from safecity.core.errors import NotFoundError
from safecity.faces.watchlist.models import FaceSubject
from safecity.faces.watchlist.models import FaceSubjectImage
from safecity.faces.watchlist.models import FaceVector
from safecity.faces.watchlist.schemas import SubjectIn
from safecity.faces.watchlist.schemas import SubjectPatch
from safecity.vision.faces import FaceResult


class WatchlistError(Exception):
    """A watchlist operation is not possible (the message says why)."""


class SubjectNotFoundError(WatchlistError, NotFoundError):
    pass


class SubjectConflictError(WatchlistError, ConflictError):
    pass


def is_expired(subject: FaceSubject, now: datetime | None = None) -> bool:
    return subject.expires_at is not None and subject.expires_at <= (now or utcnow())


def list_subjects(session: Session) -> Sequence[FaceSubject]:
    return session.scalars(select(FaceSubject).order_by(FaceSubject.name, FaceSubject.id)).all()


def get_subject(session: Session, subject_id: str) -> FaceSubject:
    return get_or_raise(
        session, FaceSubject, subject_id, SubjectNotFoundError(f"no watchlist subject with id {subject_id!r}")
    )


def vector_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(FaceVector.subject_id, func.count()).group_by(FaceVector.subject_id))
    return {str(subject_id): int(count) for subject_id, count in rows}


def create_subject(session: Session, data: SubjectIn, actor: Actor) -> FaceSubject:
    subject_id = data.id or f"p-{uuid.uuid4().hex[:12]}"
    if session.get(FaceSubject, subject_id) is not None:
        raise SubjectConflictError(f"a watchlist subject with id {subject_id!r} exists already")
    subject = FaceSubject(**data.model_dump(exclude={"id"}), id=subject_id, created_by=actor.username)
    session.add(subject)
    session.flush()
    audit_change(
        session, actor, "face_subject.create", "face_subject", subject_id, data.model_dump(mode="json")
    )
    return subject


def update_subject(session: Session, subject_id: str, data: SubjectPatch, actor: Actor) -> FaceSubject:
    subject = get_subject(session, subject_id)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(subject, name, value)
    session.flush()
    changes = data.model_dump(exclude_unset=True, mode="json")
    audit_change(
        session,
        actor,
        "face_subject.update",
        "face_subject",
        subject_id,
        {"case_ref": subject.case_ref, **changes},
    )
    return subject


def delete_subject(session: Session, subject_id: str, actor: Actor) -> dict[str, Any]:
    """Delete the subject with its images and vectors (rows); returns what was removed (for the audit)."""
    subject = get_subject(session, subject_id)
    images = [image.sha256 for image in subject.images]
    vectors = vector_counts(session).get(subject_id, 0)
    session.execute(delete(FaceVector).where(FaceVector.subject_id == subject_id))
    session.delete(subject)
    session.flush()
    details = {"name": subject.name, "case_ref": subject.case_ref, "images": images, "vectors": vectors}
    audit_change(session, actor, "face_subject.delete", "face_subject", subject_id, details)
    return details


def add_image(
    session: Session, subject_id: str, sha256: str, face: FaceResult, actor: Actor, notes: list[str]
) -> FaceSubjectImage:
    """Store an enrolled photo's face and its vector (the face passed the enrolment quality gate)."""
    subject = get_subject(session, subject_id)
    if face.embedding is None:
        raise ValueError("only a face with an embedding can be enrolled")
    image = FaceSubjectImage(
        subject_id=subject_id,
        sha256=sha256,
        box=[float(v) for v in face.box.as_list()],
        quality=face.quality.to_dict(),
        added_by=actor.username,
    )
    session.add(image)
    session.flush()
    embedding = face.embedding
    session.add(
        FaceVector(
            subject_id=subject_id,
            image_id=image.id,
            model_id=embedding.model_id,
            dim=embedding.model.dim,
            vector=np.asarray(embedding.vector, dtype=np.float32).tobytes(),
        )
    )
    session.flush()
    details = {
        "case_ref": subject.case_ref,
        "image_id": image.id,
        "sha256": sha256,
        "model": embedding.model_id,
        "box": image.box,
        "notes": notes,
    }
    audit_change(session, actor, "face_subject.image.add", "face_subject", subject_id, details)
    return image


def delete_image(session: Session, subject_id: str, image_id: int, actor: Actor) -> None:
    subject = get_subject(session, subject_id)
    image = session.get(FaceSubjectImage, image_id)
    if image is None or image.subject_id != subject_id:
        raise SubjectNotFoundError(f"subject {subject_id!r} has no image {image_id}")
    session.execute(delete(FaceVector).where(FaceVector.image_id == image_id))
    sha256 = image.sha256
    session.delete(image)
    session.flush()
    details = {"case_ref": subject.case_ref, "image_id": image_id, "sha256": sha256}
    audit_change(session, actor, "face_subject.image.delete", "face_subject", subject_id, details)


def subject_vectors(session: Session, subject_id: str, model_id: str) -> list[tuple[str, bytes]]:
    """(enrolled image sha256, vector bytes) of the subject under one model."""
    rows = session.execute(
        select(FaceSubjectImage.sha256, FaceVector.vector)
        .join(FaceSubjectImage, FaceSubjectImage.id == FaceVector.image_id)
        .where(FaceVector.subject_id == subject_id, FaceVector.model_id == model_id)
        .order_by(FaceVector.id)
    )
    return [(str(sha), bytes(data)) for sha, data in rows]
