"""`/api/v1/console/settings`: what the console needs from safecity.yaml before anyone logs in."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel
from pydantic import Field

from safecity.core.http.deps import ServicesDep

router = APIRouter(prefix="/api/v1/console", tags=["console"])


class ConsoleSettingsOut(BaseModel):
    timezone: str = Field(description="IANA zone the console shows every date and time in (24-hour clock).")
    language: Literal["en", "ur"] = Field(description="The default language of the console.")


@router.get("/settings", response_model=ConsoleSettingsOut, summary="Time zone and language for the console")
def console_settings(services: ServicesDep) -> ConsoleSettingsOut:
    console = services.settings.console
    return ConsoleSettingsOut(timezone=console.timezone, language=console.language)
