"""The `dispatch:` section of safecity.yaml: travel-time estimation, targets, shifts, call intake."""

from __future__ import annotations

from pydantic import BaseModel
from pydantic import Field


class IncidentType(BaseModel):
    code: str
    label: str
    priority: int = Field(ge=1, le=5)
    capability: str = Field("police", description="A unit capability the response needs.")


class ResponseTargets(BaseModel):
    """NFPA 1221/1710 style: `fraction` of incidents within each limit (seconds)."""

    fraction: float = Field(0.9, gt=0, le=1)
    call_processing_s: float = Field(60, gt=0)
    turnout_s: float = Field(80, gt=0)
    travel_s: float = Field(240, gt=0)
    total_response_s: float = Field(600, gt=0)


class Shift(BaseModel):
    name: str
    start_hour: int = Field(ge=0, le=23)


def _default_shifts() -> list[Shift]:
    return [
        Shift(name="morning", start_hour=6),
        Shift(name="evening", start_hour=14),
        Shift(name="night", start_hour=22),
    ]


class DispatchSettings(BaseModel):
    road_factor: float = Field(1.4, ge=1, description="Road distance ÷ great-circle distance.")
    speed_kmh: float = Field(30, gt=0, description="Average emergency driving speed for the estimate.")
    osrm_url: str | None = Field(None, description="An OSRM server for travel times instead of the estimate.")
    incident_types: dict[str, IncidentType] = Field(default_factory=dict)
    targets: ResponseTargets = Field(default_factory=ResponseTargets)
    shifts: list[Shift] = Field(default_factory=_default_shifts)
    timezone: str = Field("Asia/Karachi", description="Shifts are local hours in this zone.")
    repeat_caller_hours: float = Field(24, gt=0)
    repeat_caller_threshold: int = Field(
        3, ge=2, description="This many calls in the window flag a repeat caller."
    )
    panic_per_minute: int = Field(5, ge=1, description="Panic requests per device/address per minute.")
    cameras_near: int = Field(5, ge=1, le=50)
