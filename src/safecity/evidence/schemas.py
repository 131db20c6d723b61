"""Request and response bodies of the evidence, holds and retention API."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class CaseCreate(BaseModel):
    reference: str = Field(min_length=1, max_length=128)
    title: str = Field(min_length=1, max_length=200)
    description: str = Field("", max_length=10_000)
    incident_ref: str = Field("", max_length=128)


class CaseUpdate(BaseModel):
    status: Literal["open", "closed"]


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
    item_ids: list[int] = Field(min_length=1, max_length=200)
    redact: bool = Field(False, description="Blur faces in images and clips (a redacted derivative is kept).")


class RedactCreate(BaseModel):
    purpose: str = Field("", max_length=500)


class HoldCreate(BaseModel):
    scope: Literal["case", "item", "camera"]
    reason: str = Field(min_length=3, max_length=2000)
    case_id: int | None = None
    item_id: int | None = None
    camera_id: str | None = Field(None, max_length=128)
    start: datetime | None = None
    end: datetime | None = None
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


class SigningKeyOut(BaseModel):
    fingerprint: str
    public_key_pem: str
