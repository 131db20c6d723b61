"""A clock the test moves by hand (escalation and response timers never depend on real time)."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, start: datetime = START) -> None:
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, seconds: float) -> datetime:
        self.current += timedelta(seconds=seconds)
        return self.current
