"""Validated input for hotlists and entries, shared by the API, the CSV import and the CLI."""

from __future__ import annotations

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from pydantic import field_validator

from safecity.core.expiry import Expiry
from safecity.vision.plates.keys import MAX_STORED_PLATE_LENGTH
from safecity.vision.plates.keys import stored_plate
from safecity.watchlist.vehicles.matcher import MAX_EDIT_BUDGET
from safecity.watchlist.vehicles.vocabulary import HotlistKind


class HotlistIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, pattern=r"^[\w .\-]+$")
    kind: HotlistKind
    description: str = Field("", max_length=2000)
    edit_budget: float = Field(1.0, ge=0.0, le=MAX_EDIT_BUDGET)
    active: bool = True


class HotlistPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: HotlistKind | None = None
    description: str | None = Field(None, max_length=2000)
    edit_budget: float | None = Field(None, ge=0.0, le=MAX_EDIT_BUDGET)
    active: bool | None = None


class EntryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    plate: str = Field(min_length=1, max_length=MAX_STORED_PLATE_LENGTH)
    reason: str = Field(min_length=1, max_length=2000)
    case_ref: str = Field("", max_length=128)
    vehicle: str = Field("", max_length=200)
    expires_at: Expiry = None

    @field_validator("plate")
    @classmethod
    def _plate(cls, value: str) -> str:
        return stored_plate(value)[0]  # raises ValueError naming the problem

    @field_validator("reason", "case_ref", "vehicle")
    @classmethod
    def _stripped(cls, value: str) -> str:
        return value.strip()


class EntryPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(None, min_length=1, max_length=2000)
    case_ref: str | None = Field(None, max_length=128)
    vehicle: str | None = Field(None, max_length=200)
    expires_at: Expiry = None
