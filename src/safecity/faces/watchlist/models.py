"""Face watchlist tables: subjects, their example images, one vector per image and model, candidates.

Vectors are float32 bytes (`LargeBinary`) on both backends; 1:N search runs on an in-process index per model
id (`gallery.Gallery`), rebuilt from these rows at start and kept in sync on enrolment and deletion.
Candidates and their decisions outlive the subject (no foreign key): they are the record of what was decided.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON
from sqlalchemy import Float
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from safecity.core.db import Base
from safecity.core.db import UTCDateTime
from safecity.core.db import utcnow
from safecity.core.relationships import owned
from safecity.faces.models import VectorColumns


class CandidateStatus(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class FaceSubject(Base):
    __tablename__ = "face_subjects"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32), index=True)
    case_ref: Mapped[str] = mapped_column(String(128), default="")
    legal_authority: Mapped[str] = mapped_column(String(500), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    images: Mapped[list[FaceSubjectImage]] = owned("FaceSubjectImage", back_populates="subject")


class FaceSubjectImage(Base):
    """One enrolled photo (stored in the media store by sha256) and the face used from it."""

    __tablename__ = "face_subject_images"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subject_id: Mapped[str] = mapped_column(ForeignKey("face_subjects.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    box: Mapped[list[float]] = mapped_column(JSON)
    quality: Mapped[dict[str, Any]] = mapped_column(JSON)
    added_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    subject: Mapped[FaceSubject] = relationship(back_populates="images")


class FaceVector(VectorColumns, Base):
    """The embedding of an enrolled image under one model; vectors of different models are never compared."""

    __tablename__ = "face_vectors"
    __table_args__ = (UniqueConstraint("image_id", "model_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subject_id: Mapped[str] = mapped_column(ForeignKey("face_subjects.id", ondelete="CASCADE"), index=True)
    image_id: Mapped[int] = mapped_column(ForeignKey("face_subject_images.id", ondelete="CASCADE"))


class FaceCandidate(Base):
    """A live face within a subject's threshold: an alert candidate until two people confirm it."""

    __tablename__ = "face_candidates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    sighting_event_id: Mapped[str] = mapped_column(String(36), default="")
    subject_id: Mapped[str] = mapped_column(String(64), index=True)
    subject_name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32))
    score: Mapped[float] = mapped_column(Float)
    distance: Mapped[float] = mapped_column(Float)
    model_id: Mapped[str] = mapped_column(String(100))
    probe_sha256: Mapped[str] = mapped_column(String(64), index=True)
    enrolled_sha256: Mapped[str] = mapped_column(String(64), index=True)
    camera_id: Mapped[str | None] = mapped_column(String(64), index=True)
    track_id: Mapped[str] = mapped_column(String(64), default="")
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    status: Mapped[str] = mapped_column(String(16), index=True, default=CandidateStatus.PENDING.value)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    decisions: Mapped[list[FaceCandidateDecision]] = owned(
        "FaceCandidateDecision", back_populates="candidate"
    )


class FaceCandidateDecision(Base):
    """One person's confirm/reject of a candidate; a person decides a candidate at most once."""

    __tablename__ = "face_candidate_decisions"
    __table_args__ = (UniqueConstraint("candidate_id", "username"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("face_candidates.id", ondelete="CASCADE"))
    username: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(32))
    decision: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    candidate: Mapped[FaceCandidate] = relationship(back_populates="decisions")
