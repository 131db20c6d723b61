"""Request and response bodies of the evidence, holds and retention API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from typing import Literal

from pydantic import BaseModel
from pydantic import Field
from pydantic import StringConstraints
from pydantic import field_validator
from pydantic import model_validator

from safecity.core.http.parameter_types import DateTimeInput
from safecity.core.http.parameter_types import Int64
from safecity.evidence.redaction import MAX_REGIONS
from safecity.evidence.redaction import region_problem

#: Text that must say something: surrounding spaces are dropped before the length is checked.
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)]


class CaseCreate(BaseModel):
    reference: str = Field(min_length=1, max_length=128)
    title: str = Field(min_length=1, max_length=200)
    description: str = Field("", max_length=10_000)
    incident_ref: str = Field("", max_length=128)


class CaseUpdate(BaseModel):
    """Any of: the status (closing or reopening changes retention), the title, description or incident
    reference. Fields left out (or null) stay as they are; the reference is fixed (custody cites it)."""

    status: Literal["open", "closed"] | None = Field(
        None, description="open or closed; items of an open case are never purged by retention."
    )
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)] | None = (
        None
    )
    description: str | None = Field(None, max_length=10_000)
    incident_ref: Annotated[str, StringConstraints(strip_whitespace=True, max_length=128)] | None = None

    @model_validator(mode="after")
    def _something(self) -> CaseUpdate:
        if not self.model_fields_set - {name for name, value in self if value is None}:
            raise ValueError("send at least one of status, title, description, incident_ref")
        return self


class CaseOut(BaseModel):
    id: int
    reference: str
    title: str
    description: str
    incident_ref: str
    status: str
    created_by: str
    created_at: datetime
    closed_at: datetime | None


class ItemOut(BaseModel):
    id: int
    case_id: int | None
    kind: str
    sha256: str
    size: int
    suffix: str
    filename: str
    description: str
    camera_id: str | None
    start: datetime | None
    end: datetime | None
    collected_by: str
    collected_at: datetime
    original_id: int | None
    derivation: str
    status: str
    custody_count: int


class CustodyOut(BaseModel):
    seq: int
    time: datetime
    action: str
    actor: str
    role: str
    purpose: str
    case_ref: str
    details: str
    prev_hash: str
    hash: str


class CustodyReport(BaseModel):
    item_id: int
    intact: bool
    problems: list[str]
    entries: list[CustodyOut]


class ExportCreate(BaseModel):
    item_ids: list[Int64] = Field(min_length=1, max_length=200)
    redact: bool = Field(False, description="Blur faces in images and clips (a redacted derivative is kept).")


class RedactCreate(BaseModel):
    purpose: str = Field("", max_length=500)
    regions: list[tuple[int, int, int, int]] = Field(
        default_factory=list,
        max_length=MAX_REGIONS,
        description=(
            f"Up to {MAX_REGIONS} boxes [x1, y1, x2, y2] in image pixels (x2/y2 exclusive) blurred in "
            "addition to the detected faces: number plates, screens, anything an investigator marks. For a "
            "video they are blurred in every frame (a fixed camera). A box that is empty, inverted or "
            "outside the picture is a 422 on `regions`."
        ),
    )
    plates: bool = Field(
        False,
        description=(
            "Also blur the number plates the ANPR reader finds (PP-OCRv4 text that reads like a plate). "
            "Slower: about 0.4 s a frame on one core, video frames included."
        ),
    )

    @field_validator("regions")
    @classmethod
    def _regions_usable(cls, regions: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
        for number, box in enumerate(regions, start=1):
            problem = region_problem(box)
            if problem is not None:
                raise ValueError(f"region {number} {list(box)} {problem}")
        return regions


class HoldCreate(BaseModel):
    scope: Literal["case", "item", "camera"]
    reason: str = Field(min_length=3, max_length=2000)
    case_id: Int64 | None = None
    item_id: Int64 | None = None
    camera_id: str | None = Field(None, max_length=128)
    start: DateTimeInput | None = None
    end: DateTimeInput | None = None
    case_ref: str = Field("", max_length=128)


class HoldOut(BaseModel):
    id: int
    scope: str
    case_id: int | None
    item_id: int | None
    camera_id: str | None
    start: datetime | None
    end: datetime | None
    reason: str
    case_ref: str
    created_by: str
    created_at: datetime
    released_at: datetime | None
    released_by: str | None
    release_reason: str | None = Field(description="Why the hold was lifted (null while it is active).")


class HoldRelease(BaseModel):
    reason: Reason = Field(description="Why the hold is lifted (3 to 2000 characters); kept on the hold.")


class SigningKeyOut(BaseModel):
    fingerprint: str
    public_key_pem: str
