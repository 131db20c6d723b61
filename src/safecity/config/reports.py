"""The `reports:` section of safecity.yaml."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ReportSettings(BaseModel):
    rate: str = Field("5/minute", description="Citizen reports per client address (a `limits` rate string).")
    rate_storage_uri: str | None = Field(
        None, description="Shared rate-limit storage (redis://...) for many nodes."
    )
    jurisdiction_id: str = "safecity"
    max_photo_mb: float = Field(10, gt=0)
