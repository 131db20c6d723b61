"""`Expiry`: the input type of a watchlist entry's end, as people write it."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from typing import Annotated

from pydantic import BeforeValidator


def _expiry(value: object) -> object:
    """A date means "through that day" (UTC); a datetime without a zone is taken as UTC; blank is none; a
    number (which pydantic would read as a Unix time) is refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int | float):
        raise ValueError("must be a date (2026-12-31) or an ISO 8601 date-time, not a number")
    if isinstance(value, str):
        text = value.strip()
        try:
            return datetime.combine(date.fromisoformat(text) + timedelta(days=1), time(), UTC)
        except ValueError:
            value = datetime.fromisoformat(text)
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


Expiry = Annotated[datetime | None, BeforeValidator(_expiry)]
