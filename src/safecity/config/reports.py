"""The `reports:` section of safecity.yaml."""

from __future__ import annotations

from pydantic import BaseModel
from pydantic import Field


class ReportSettings(BaseModel):
    rate: str = Field("5/minute", description="Citizen reports per client address (a `limits` rate string).")
    rate_storage_uri: str | None = Field(
        None,
        description="Rate-limit storage (a `limits` URI such as redis://...) for these reports only; by "
        "default `api_nodes.redis_url`.",
    )
    jurisdiction_id: str = "safecity"
    max_photo_mb: float = Field(10, gt=0)
