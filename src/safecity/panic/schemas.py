"""A panic's trail as the operator's view shows it."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from pydantic import ConfigDict


class PanicLocationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    time: datetime
    latitude: float
    longitude: float
    accuracy_m: float | None


class PanicSummaryOut(BaseModel):
    """One panic in the operator's list: who, since when, where the phone last was."""

    model_config = ConfigDict(from_attributes=True)

    panic_id: str
    active: bool
    device_id: str
    phone: str
    name: str
    incident_id: int
    alert_id: int
    created_at: datetime
    updated_at: datetime
    last_position: PanicLocationOut | None
