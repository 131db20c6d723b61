"""The persons-of-interest register's tables.

A person's CNIC is held only as `cnic_sealed` (AES-GCM, key outside the database) and `cnic_hash` (a keyed
HMAC for exact-match lookup); see `identity.py`. Links to the face watchlist (`face_subject_id`) and to
hotlist entries (`PersonVehicle.hotlist_entry_id`) are plain ids: those rows belong to their own domains.
"""

from __future__ import annotations

from datetime import date
from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlalchemy import Boolean
from sqlalchemy import Date
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import LargeBinary
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from safecity.core.db import Base
from safecity.core.db import UTCDateTime
from safecity.core.db import utcnow
from safecity.core.relationships import owned


class Person(Base):
    __tablename__ = "poi_persons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    father_name: Mapped[str] = mapped_column(String(200), default="")
    date_of_birth: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    gender: Mapped[str | None] = mapped_column(String(16), nullable=True)
    cnic_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    cnic_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(32), index=True)
    legal_basis: Mapped[str] = mapped_column(Text)
    legal_basis_expires: Mapped[date | None] = mapped_column(Date, nullable=True)
    review_date: Mapped[date] = mapped_column(Date, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    face_subject_id: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    # On the watchlists: false once the review sweep found the record past its review date or legal basis,
    # until a supervisor renews it.
    on_watchlists: Mapped[bool] = mapped_column(Boolean, default=True)
    lapsed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Set when the record was merged into another (the survivor); kept for audit, off the watchlists.
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("poi_persons.id"), nullable=True, index=True
    )
    merged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    aliases: Mapped[list[PersonAlias]] = owned("PersonAlias")
    firs: Mapped[list[PersonFir]] = owned("PersonFir")
    photos: Mapped[list[PersonPhoto]] = owned("PersonPhoto")
    vehicles: Mapped[list[PersonVehicle]] = owned("PersonVehicle")
    links: Mapped[list[PersonLink]] = owned("PersonLink")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  concurrent edits fail instead of overwriting


class PersonAlias(Base):
    __tablename__ = "poi_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("poi_persons.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), index=True)


class PersonFir(Base):
    """A First Information Report naming the person: its number (`123/2026`) at a police station."""

    __tablename__ = "poi_firs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("poi_persons.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(64))
    police_station: Mapped[str] = mapped_column(String(120), index=True)


class PersonPhoto(Base):
    """A photo enrolled on the person's face watchlist subject (the image row belongs to the faces domain)."""

    __tablename__ = "poi_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("poi_persons.id", ondelete="CASCADE"), index=True)
    face_image_id: Mapped[int] = mapped_column(Integer, unique=True)
    sha256: Mapped[str] = mapped_column(String(64))
    added_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PersonVehicle(Base):
    """A vehicle the person uses; listed on the persons-of-interest hotlist as `hotlist_entry_id`."""

    __tablename__ = "poi_vehicles"
    __table_args__ = (UniqueConstraint("person_id", "plate_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("poi_persons.id", ondelete="CASCADE"), index=True)
    plate: Mapped[str] = mapped_column(String(32))
    plate_key: Mapped[str] = mapped_column(String(32), index=True)
    make: Mapped[str] = mapped_column(String(100), default="")
    colour: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    hotlist_entry_id: Mapped[int | None] = mapped_column(Integer, nullable=True, unique=True)
    added_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PersonLink(Base):
    """An incident (dispatch) or evidence case the person is linked to, by the reference people use."""

    __tablename__ = "poi_links"
    __table_args__ = (UniqueConstraint("person_id", "kind", "ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("poi_persons.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    ref: Mapped[str] = mapped_column(String(128))
    added_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PersonChange(Base):
    """One change to a record: who, when, why, and the fields before and after (CNICs never in clear)."""

    __tablename__ = "poi_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("poi_persons.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(32), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class PersonSighting(Base):
    """A watchlist hit of the person: a hotlist hit of one of their vehicles or a face candidate of their
    face subject, as the matching consumer saw it (the timeline and co-occurrences read these)."""

    __tablename__ = "poi_sightings"
    __table_args__ = (Index("ix_poi_sightings_camera_id_seen_at", "camera_id", "seen_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("poi_persons.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    camera_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    source_event_id: Mapped[str] = mapped_column(String(36), unique=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
