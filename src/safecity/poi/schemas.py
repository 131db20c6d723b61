"""Validated input and the API's views of a person of interest (shared by the API and later importers)."""

from __future__ import annotations

from datetime import date
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from pydantic import field_validator
from pydantic import model_validator

from safecity.core.cnic import normalize_cnic
from safecity.poi.vocabulary import Gender
from safecity.poi.vocabulary import LinkKind
from safecity.poi.vocabulary import PersonStatus
from safecity.poi.vocabulary import SightingKind
from safecity.vision.plates.keys import MAX_STORED_PLATE_LENGTH
from safecity.vision.plates.keys import stored_plate

CNIC_DESCRIPTION = "13 digits, `35202-1234567-1` or `3520212345671`; stored encrypted, shown masked."


def _cnic(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    return normalize_cnic(value)  # ValueError naming the format: 422 on `cnic`


def _names(values: list[str]) -> list[str]:
    kept: list[str] = []
    for value in values:
        name = value.strip()
        if name and name not in kept:
            kept.append(name)
    return kept


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value.strip()


class FirIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    number: str = Field(min_length=1, max_length=64, description="The FIR number, e.g. `123/2026`.")
    police_station: str = Field(min_length=1, max_length=120, description="Where it was registered.")

    @field_validator("number", "police_station")
    @classmethod
    def _stripped(cls, value: str) -> str:
        return _not_blank(value)


class PersonIn(BaseModel):
    """A new record. A record needs a lawful basis (`legal_basis`, e.g. a court order or FIR reference) and a
    review date; a legal basis that has already expired is refused (422 on `legal_basis_expires`)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, description="The name the person is known by.")
    aliases: list[str] = Field(default_factory=list, max_length=20, description="Other names and spellings.")
    father_name: str = Field("", max_length=200, description="Father's name (as on the CNIC).")
    date_of_birth: date | None = None
    gender: Gender | None = None
    cnic: str | None = Field(None, description=CNIC_DESCRIPTION)
    status: PersonStatus
    legal_basis: str = Field(
        min_length=1, max_length=1000, description="Court order, warrant or FIR reference that allows this."
    )
    legal_basis_expires: date | None = Field(
        None, description="Last day the legal basis holds; the record leaves the watchlists after it."
    )
    review_date: date = Field(
        description="Day by which a supervisor must review the record; after it the record leaves the "
        "watchlists until renewed."
    )
    notes: str = Field("", max_length=5000)
    firs: list[FirIn] = Field(default_factory=list, max_length=50, description="FIRs naming the person.")

    @field_validator("cnic")
    @classmethod
    def _cnic_format(cls, value: str | None) -> str | None:
        return _cnic(value)

    @field_validator("aliases")
    @classmethod
    def _alias_names(cls, value: list[str]) -> list[str]:
        return _names(value)

    @field_validator("name", "legal_basis")
    @classmethod
    def _stripped(cls, value: str) -> str:
        return _not_blank(value)


REQUIRED_ON_RECORD = ("name", "status", "legal_basis", "review_date")


DATES_OF_REVIEW = ("review_date", "legal_basis_expires")


class PersonPatch(BaseModel):
    """Only the fields sent change; `reason` (why) is required and kept in the record's change history.
    Changing `review_date` or `legal_basis_expires` is a review: it needs `persons.renew` (else 403)."""

    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=5, max_length=1000, description="Why the record changes (audited).")
    name: str | None = Field(None, min_length=1, max_length=200)
    aliases: list[str] | None = Field(None, max_length=20, description="Replaces the aliases.")
    father_name: str | None = Field(None, max_length=200)
    date_of_birth: date | None = None
    gender: Gender | None = None
    cnic: str | None = Field(None, description=CNIC_DESCRIPTION + " Send an empty string to remove it.")
    status: PersonStatus | None = None
    legal_basis: str | None = Field(None, min_length=1, max_length=1000)
    legal_basis_expires: date | None = None
    review_date: date | None = None
    notes: str | None = Field(None, max_length=5000)
    firs: list[FirIn] | None = Field(None, max_length=50, description="Replaces the FIRs.")

    @field_validator("cnic")
    @classmethod
    def _cnic_format(cls, value: str | None) -> str | None:
        if value is None:
            return None
        return _cnic(value) or ""  # "" removes the CNIC

    @field_validator("aliases")
    @classmethod
    def _alias_names(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else _names(value)

    @model_validator(mode="after")
    def _required_stay_set(self) -> PersonPatch:
        for name in REQUIRED_ON_RECORD:
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be removed from a record")
        return self

    @property
    def changes_review_dates(self) -> bool:
        return any(name in self.model_fields_set for name in DATES_OF_REVIEW)

    def changes(self) -> dict[str, Any]:
        return {k: v for k, v in self.model_dump(exclude_unset=True).items() if k != "reason"}


class RenewIn(BaseModel):
    """A supervisor's renewal after review: why, and the new dates."""

    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=5, max_length=1000, description="What the review found (audited).")
    review_date: date = Field(description="The next review date.")
    legal_basis_expires: date | None = Field(
        None, description="The legal basis's new last day; left out, it keeps its end; null: it has none."
    )
    legal_basis: str | None = Field(None, min_length=1, max_length=1000, description="A new legal basis.")


class VehicleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    plate: str = Field(min_length=1, max_length=MAX_STORED_PLATE_LENGTH, description="e.g. `LEA-1234`.")
    make: str = Field("", max_length=100)
    colour: str = Field("", max_length=50)
    note: str = Field("", max_length=2000)

    @field_validator("plate")
    @classmethod
    def _plate(cls, value: str) -> str:
        return stored_plate(value)[0]


class LinkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: LinkKind
    ref: str = Field(
        min_length=1, max_length=128, description="An incident's id, or an evidence case's reference or id."
    )


class FirOut(BaseModel):
    number: str
    police_station: str


class PhotoOut(BaseModel):
    id: int
    face_image_id: int
    sha256: str
    added_by: str
    created_at: datetime


class VehicleOut(BaseModel):
    id: int
    plate: str
    plate_key: str
    make: str
    colour: str
    note: str
    hotlist_entry_id: int | None = Field(description="Its entry on the persons-of-interest hotlist.")
    added_by: str
    created_at: datetime


class PersonLinkOut(BaseModel):
    id: int
    kind: LinkKind
    ref: str
    added_by: str
    created_at: datetime


class PersonOut(BaseModel):
    id: int
    name: str
    aliases: list[str]
    father_name: str
    date_of_birth: date | None
    gender: Gender | None
    cnic_masked: str | None = Field(description="`35202-*******-1`; the full number: `reveal-cnic`.")
    status: PersonStatus
    status_label: str
    legal_basis: str
    legal_basis_expires: date | None
    review_date: date
    review_due: bool = Field(description="Past its review date or legal-basis expiry.")
    on_watchlists: bool = Field(description="False once lapsed (review due), until renewed.")
    lapsed_at: datetime | None
    notes: str
    firs: list[FirOut]
    photos: list[PhotoOut]
    vehicles: list[VehicleOut]
    links: list[PersonLinkOut]
    face_subject_id: str | None = Field(description="The person's subject on the face watchlist.")
    merged_into_id: int | None = Field(
        None, description="Set when this record was merged into another: the record to read instead."
    )
    merged_at: datetime | None = None
    created_by: str
    created_at: datetime
    updated_at: datetime


class PersonPageOut(BaseModel):
    persons: list[PersonOut]
    total: int = Field(description="Records matching the filters.")
    limit: int
    offset: int


class RevealOut(BaseModel):
    person_id: int
    cnic: str | None = Field(description="The full CNIC, `35202-1234567-1`; null when none is recorded.")


class ChangeOut(BaseModel):
    id: int
    action: str
    actor: str
    role: str
    reason: str
    before: dict[str, Any]
    after: dict[str, Any]
    at: datetime


class TimelineEntryOut(BaseModel):
    at: datetime
    kind: str = Field(
        description="change, plate_read, hotlist_hit, face_match, incident or case: what happened."
    )
    title: str
    camera_id: str | None = None
    ref: str | None = Field(None, description="An event id, incident id or case reference.")
    details: dict[str, Any] = Field(default_factory=dict)


class TimelineOut(BaseModel):
    person_id: int
    entries: list[TimelineEntryOut] = Field(description="Oldest first.")


class SightingOut(BaseModel):
    kind: SightingKind
    camera_id: str | None
    seen_at: datetime
    source_event_id: str
