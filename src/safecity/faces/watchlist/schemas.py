"""Validated input for watchlist subjects, shared by the API and the CLI."""

from __future__ import annotations

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from pydantic import field_validator

from safecity.core.expiry import Expiry
from safecity.faces.vocabulary import SubjectCategory

SUBJECT_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"


class SubjectIn(BaseModel):
    """A person on the face watchlist. `legal_authority` (warrant, court order, missing-person report...)
    and `reason` are required: a subject without a lawful basis cannot be enrolled."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, pattern=SUBJECT_ID_PATTERN, description="Subject id; generated when absent.")
    name: str = Field(min_length=1, max_length=200)
    category: SubjectCategory
    case_ref: str = Field("", max_length=128)
    legal_authority: str = Field(min_length=1, max_length=500)
    reason: str = Field(min_length=1, max_length=2000)
    expires_at: Expiry = None

    @field_validator("name", "case_ref", "legal_authority", "reason")
    @classmethod
    def _stripped(cls, value: str) -> str:
        return value.strip()


class SubjectPatch(BaseModel):
    """Only the fields sent change. Leave a field out to keep it; null is refused (422) except for
    `expires_at`, where it means "never expires"."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(None, min_length=1, max_length=200)  # type: ignore[assignment]
    category: SubjectCategory = Field(None)  # type: ignore[assignment]
    case_ref: str = Field(None, max_length=128)  # type: ignore[assignment]
    legal_authority: str = Field(None, min_length=1, max_length=500)  # type: ignore[assignment]
    reason: str = Field(None, min_length=1, max_length=2000)  # type: ignore[assignment]
    expires_at: Expiry = None
