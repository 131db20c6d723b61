"""The platform sections of safecity.yaml: `http:`, `bus:`, `auth:` and `logging:`."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field


class HttpSettings(BaseModel):
    host: str = "127.0.0.1"
    port: int = Field(8080, ge=1, le=65535)
    max_upload_mb: float = Field(50, gt=0, description="Larger request bodies are refused with 413.")
    cors_origins: list[str] = Field(default_factory=list)
    console_dir: Path | None = Field(
        None, description="The built web console to serve; by default web/dist beside the package."
    )


class BusSettings(BaseModel):
    kind: Literal["embedded", "nats"] = "embedded"
    nats_url: str = "nats://127.0.0.1:4222"
    stream: str = "SAFECITY_EVENTS"


class AuthSettings(BaseModel):
    jwt_secret: str | None = Field(
        None, description="HS256 signing key; when empty a random key is created in the data directory."
    )
    access_token_minutes: int = Field(60, ge=1, le=24 * 60)
    login_attempts_per_minute: int = Field(5, ge=1, description="Per username and per client address.")


class LoggingSettings(BaseModel):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    json_output: bool = Field(False, description="One JSON object per log line (for log shippers).")
