"""The alert as the API and the live socket show it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from safecity.alerts.models import Alert
from safecity.alerts.states import AlertStatus, Severity


class AlertView(BaseModel):
    id: int
    kind: str
    source_topic: str
    severity: Severity
    status: AlertStatus
    title: str
    camera_id: str | None
    subject: str
    count: int
    first_seen: datetime
    last_seen: datetime
    latitude: float | None
    longitude: float | None
    details: dict[str, Any]
    requires_confirmation: bool
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    assigned_user: str | None
    assigned_unit: str | None
    dismissed_reason: str | None
    escalation_level: int
    escalated_at: datetime | None
    confirmed_at: datetime | None
    confirmed_by: str | None
    resolved_at: datetime | None
    incident_id: int | None
    updated_at: datetime

    @classmethod
    def of(cls, alert: Alert) -> AlertView:
        return cls.model_validate(alert, from_attributes=True)
