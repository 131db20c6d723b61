"""The `console:` section of safecity.yaml: the console's time zone and its starting language."""

from __future__ import annotations

from typing import Literal
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError

from pydantic import BaseModel
from pydantic import Field
from pydantic import field_validator


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
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value
