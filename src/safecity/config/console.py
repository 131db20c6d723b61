"""The `console:` section of safecity.yaml: the console's time zone and its starting language."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel
from pydantic import Field
from pydantic import field_validator

from safecity.config.time_zones import known_time_zone


class ConsoleSettings(BaseModel):
    timezone: str = Field(
        "Asia/Karachi",
        description="IANA time zone every date and time in the console is shown in (24-hour clock).",
    )
    language: Literal["en", "ur"] = Field(
        "en",
        description="Language until a user picks another (en: English; ur: Urdu, right to left).",
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        return known_time_zone(value)
