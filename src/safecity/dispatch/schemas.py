"""Incidents, units and calls as the API and the live socket show them."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class IncidentOut(_Out):
    id: int
    type: str
    priority: int
    status: str
    title: str
    description: str | None = None
    origin: str
    latitude: float | None
    longitude: float | None
    address: str
    area: str | None
    received_at: datetime
    created_at: datetime
    created_by: str
    resolved_at: datetime | None
    closed_at: datetime | None
    updated_at: datetime


class LinkOut(_Out):
    id: int
    kind: str
    ref: str
    note: str
    created_at: datetime
    created_by: str


class LogEntryOut(_Out):
    id: int
    time: datetime
    author: str
    kind: str
    text: str


class UnitOut(_Out):
    id: str
    callsign: str
    type: str
    capabilities: list[str]
    status: str
    area: str | None
    latitude: float | None
    longitude: float | None
    location_at: datetime | None
    current_assignment_id: int | None
    incident_id: int | None = Field(
        None, description="The incident the unit's current assignment serves; null when it has none."
    )
    updated_at: datetime


class AssignmentOut(_Out):
    id: int
    incident_id: int
    unit_id: str
    dispatched_by: str
    estimated_travel_s: float | None
    dispatched_at: datetime
    en_route_at: datetime | None
    on_scene_at: datetime | None
    transporting_at: datetime | None
    cleared_at: datetime | None


class RecommendationOut(_Out):
    unit: UnitOut
    distance_m: float
    travel_s: float


class NearbyCameraOut(_Out):
    camera_id: str
    name: str
    latitude: float | None
    longitude: float | None
    distance_m: float
    health: str
    health_since: datetime | None


class CallOut(_Out):
    id: int
    caller_number: str
    received_at: datetime
    taken_by: str
    latitude: float | None
    longitude: float | None
    address: str
    type: str | None
    notes: str
    disposition: str
    incident_id: int | None


class CallerHistoryOut(BaseModel):
    calls_in_window: int
    not_incidents_in_window: int
    repeat: bool
