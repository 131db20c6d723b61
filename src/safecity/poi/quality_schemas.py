"""The API's views of imports, duplicates, merges and co-occurrences."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field

from safecity.poi.duplicates import DuplicateReason
from safecity.poi.vocabulary import PersonStatus


class CreatedRowOut(BaseModel):
    line: int
    person_id: int


class DuplicateRowOut(BaseModel):
    line: int
    person_ids: list[int] = Field(description="The records the row duplicates.")
    reason: str = Field(description="same CNIC; same name, father's name and date of birth.")


class ErrorRowOut(BaseModel):
    line: int
    field: str | None = Field(description="The column at fault, when one is.")
    message: str


class ImportReportOut(BaseModel):
    created: list[CreatedRowOut]
    duplicates: list[DuplicateRowOut] = Field(description="Rows skipped as duplicates of existing records.")
    errors: list[ErrorRowOut] = Field(description="Rows skipped for a bad field.")


class DuplicateOut(BaseModel):
    person_id: int
    name: str
    father_name: str
    status: PersonStatus
    reasons: list[DuplicateReason] = Field(
        description="same_cnic (by the CNIC's keyed hash) and/or same_name_father_date_of_birth."
    )


class DuplicatesOut(BaseModel):
    person_id: int
    candidates: list[DuplicateOut]


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    other_id: int = Field(description="The record merged into this one; it is kept, marked merged.")
    reason: str = Field(min_length=5, max_length=1000, description="Why they are one person (audited).")


class MergedOut(BaseModel):
    survivor_id: int
    merged_id: int
    moved: dict[str, int] = Field(description="How many aliases, FIRs, vehicles, photos, links, ... moved.")


class CooccurrenceOut(BaseModel):
    kind: str = Field(description="person (another person of interest) or vehicle (a plate read).")
    person_id: int | None = None
    name: str | None = Field(None, description="The other person's name.")
    plate: str | None = Field(None, description="The plate as read.")
    count: int = Field(description="Times seen together (pairs of sightings within the window).")
    cameras: list[str] = Field(description="Cameras where they were seen together.")
    first_at: datetime
    last_at: datetime


class CooccurrencesOut(BaseModel):
    person_id: int
    window_minutes: int
    since: datetime | None
    cooccurrences: list[CooccurrenceOut] = Field(description="Strongest (most often together) first.")
