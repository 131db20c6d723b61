"""Where "now" comes from: the system clock in production, a fake clock in tests (escalation, dashboards)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from safecity.core.db import utcnow


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return utcnow()


SYSTEM_CLOCK = SystemClock()
