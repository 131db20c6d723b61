"""The alert as the API and the live socket show it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from pydantic import Field

from safecity.alerts.models import Alert
from safecity.alerts.priority import is_critical
from safecity.alerts.priority import priority
from safecity.alerts.states import AlertStatus
from safecity.alerts.states import Disposition
from safecity.alerts.states import Severity
from safecity.core.db import utcnow


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
    disposition: Disposition | None = Field(None, description="Given when the alarm was closed.")
    disposed_by: str | None = None
    disposed_at: datetime | None = None
    updated_at: datetime
    priority: float = Field(
        0.0, description="Queue order, higher first: severity, watchlist category, repeats, time waiting."
    )
    critical: bool = Field(
        False,
        description="Jumps the queue and opens the alarm pop-up (panic, armed and dangerous, a confirmed "
        "face match).",
    )

    @classmethod
    def of(cls, alert: Alert, now: datetime | None = None) -> AlertView:
        view = cls.model_validate(alert, from_attributes=True)
        view.priority = priority(alert, now or utcnow())
        view.critical = is_critical(alert)
        return view
