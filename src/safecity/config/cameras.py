"""The `cameras:` section of safecity.yaml: cameras declared in the file."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from pydantic import BaseModel
from pydantic import Field
from pydantic import field_validator

CAMERA_URL_SCHEMES = ("rtsp", "rtsps", "http", "https", "file")


class CameraSettings(BaseModel):
    """A camera declared in the configuration file (cameras can also be managed over the API)."""

    id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    name: str = Field(min_length=1)
    url: str = Field(description="Main stream: rtsp://, http(s):// (MJPEG/HLS), file:// or a local path.")
    sub_url: str | None = Field(None, description="Sub stream used for detection; the main stream if empty.")
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    heading_deg: float | None = Field(
        None, ge=0, lt=360, description="Where it looks, degrees clockwise from north."
    )
    fov_deg: float | None = Field(None, gt=0, le=360, description="Horizontal field of view, degrees.")
    district: str | None = None
    enabled: bool = True
    detect_fps: float = Field(5, gt=0, le=60)
    loop: bool = Field(False, description="Restart a file source at its end (sample cameras).")
    zone: str | None = None
    owner: str = Field("public", min_length=1, description="`public` or the private integrator feeding it.")
    username: str | None = None
    password: str | None = Field(None, repr=False, description="Stored in the registry, never returned.")
    analytics_profile: str = Field("default", min_length=1)
    scene: dict[str, Any] | None = Field(None, description="Zones, lines, calibration, motion mask.")
    worker: str | None = Field(None, description="The worker that runs this camera; empty: any worker.")
    failover: bool = Field(
        False, description="Pinned to `worker`, but run by any worker once that one is gone (after a grace)."
    )
    weight: float | None = Field(
        None, gt=0, le=100, description="Cost units (one 720p camera at 5 fps = 1); empty: detect_fps / 5."
    )

    @field_validator("url", "sub_url")
    @classmethod
    def _camera_url(cls, value: str | None) -> str | None:
        if value is None:
            return value
        parsed = urlparse(value)
        if parsed.scheme in CAMERA_URL_SCHEMES and (parsed.netloc or parsed.scheme == "file"):
            return value
        if parsed.scheme == "" and value.strip():
            return value  # a local file path
        raise ValueError(f"not a valid camera URL (use {', '.join(CAMERA_URL_SCHEMES)} or a file path)")
