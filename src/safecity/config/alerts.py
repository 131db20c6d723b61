"""The `alerts:` section of safecity.yaml."""

from __future__ import annotations

from pydantic import BaseModel
from pydantic import Field


def _default_escalation() -> dict[str, float]:
    return {"critical": 60.0, "high": 180.0, "medium": 600.0, "low": 1800.0}


class AlertSettings(BaseModel):
    escalate_after_seconds: dict[str, float] = Field(
        default_factory=_default_escalation,
        description="Escalate an alert still 'new' after this many seconds, per severity (absent: never).",
    )
    escalation_check_seconds: float = Field(5.0, gt=0, description="How often the escalation timer runs.")
    webhook_url: str | None = Field(None, description="POST alert.created/alert.escalated events here.")
    webhook_attempts: int = Field(5, ge=1, le=20)
    webhook_timeout_seconds: float = Field(5.0, gt=0)
    precision_flag_below: float = Field(
        0.5, ge=0, le=1, description="Flag a rule whose share of alarms closed as true falls under this."
    )
    precision_min_disposed: int = Field(
        10, ge=1, description="Judge a rule's precision from this many closed."
    )
