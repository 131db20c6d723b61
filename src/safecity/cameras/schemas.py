"""What the camera API accepts and returns. Passwords are write-only; URLs come back masked."""

from __future__ import annotations

import re
from datetime import date
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from pydantic import field_validator
from pydantic import model_validator

from safecity.pipeline.rules.config import SceneConfig

CAMERA_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
URL_SCHEMES = ("rtsp", "rtsps", "http", "https", "file")
_CAMERA_ID = re.compile(CAMERA_ID_PATTERN)


def check_camera_id(value: str) -> str:
    if not _CAMERA_ID.match(value) or ".." in value:
        raise ValueError("use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
    return value


def check_camera_url(value: str) -> str:
    parsed = urlsplit(value.strip())
    if parsed.scheme in URL_SCHEMES and (parsed.netloc or parsed.scheme == "file"):
        return value.strip()
    if parsed.scheme == "" and value.strip():
        return value.strip()  # a local file path (sample cameras, recorded footage)
    raise ValueError(f"not a valid camera URL (use {', '.join(URL_SCHEMES)} or a file path)")


class _CameraFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, min_length=1, max_length=200)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    heading_deg: float | None = Field(
        None,
        ge=0,
        lt=360,
        description="The direction the camera looks, degrees clockwise from north (map cone).",
    )
    fov_deg: float | None = Field(
        None, gt=0, le=360, description="Horizontal field of view in degrees (map cone)."
    )
    district: str | None = Field(None, max_length=100)
    zone: str | None = Field(None, max_length=100)
    owner: str | None = Field(
        None, min_length=1, max_length=100, description="`public`, or the private integrator feeding it"
    )
    url: str | None = Field(None, description="Main stream (recorded); credentials may be embedded.")
    sub_url: str | None = Field(None, description="Sub stream (analysed); the main stream when empty.")
    username: str | None = Field(None, max_length=200)
    password: str | None = Field(None, max_length=200, description="Write-only: never returned.")
    enabled: bool | None = None
    loop: bool | None = Field(None, description="Restart a file source at its end (sample cameras).")
    detect_fps: float | None = Field(None, gt=0, le=60)
    analytics_profile: str | None = Field(None, min_length=1, max_length=64)
    scene: SceneConfig | None = Field(None, description="Zones, lines, calibration and motion mask.")
    worker: str | None = Field(None, max_length=64, description="The worker that runs it; empty: any.")
    failover: bool | None = Field(
        None, description="A camera pinned to a worker goes to any worker once that worker is gone."
    )
    weight: float | None = Field(
        None,
        gt=0,
        le=100,
        description="What running it costs, in cost units (one 720p camera analysed at 5 fps = 1); "
        "empty: detect_fps / 5.",
    )

    @field_validator("url", "sub_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return None if value is None else check_camera_url(value)


class CameraCreate(_CameraFields):
    id: str = Field(description="Stable identifier: letters, digits, '.', '_', '-'.")
    name: str = Field(min_length=1, max_length=200)
    url: str
    owner: str = Field("public", min_length=1, max_length=100)
    enabled: bool = True
    loop: bool = False
    failover: bool = False
    detect_fps: float = Field(5.0, gt=0, le=60)
    analytics_profile: str = Field("default", min_length=1, max_length=64)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        return check_camera_id(value)

    @model_validator(mode="after")
    def _both_coordinates(self) -> CameraCreate:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("latitude and longitude go together: give both or neither")
        return self


class CameraUpdate(_CameraFields):
    """Only the fields present change; `null` clears an optional field."""

    def changes(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.model_fields_set}


class HealthOut(BaseModel):
    state: str
    since: datetime | None
    fps: float
    reason: str
    bitrate_bps: float = 0.0
    reported_at: datetime | None = None


class CameraOut(BaseModel):
    id: str
    name: str
    latitude: float | None
    longitude: float | None
    heading_deg: float | None = None
    fov_deg: float | None = None
    district: str | None
    zone: str | None
    owner: str
    url: str
    sub_url: str | None
    username: str | None
    has_password: bool
    enabled: bool
    loop: bool
    detect_fps: float
    analytics_profile: str
    scene: dict[str, Any]
    worker: str | None
    failover: bool
    weight: float | None
    managed_by: str
    created_at: datetime
    updated_at: datetime
    health: HealthOut


class NearbyCameraOut(CameraOut):
    distance_m: float


class UptimeDayOut(BaseModel):
    day: date
    observed_seconds: float
    available_percent: float | None
    healthy_percent: float | None


class UptimeOut(BaseModel):
    camera_id: str
    days: list[UptimeDayOut]
