"""A panic's trail as the operator's view shows it."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class PanicLocationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    time: datetime
    latitude: float
    longitude: float
    accuracy_m: float | None
