"""What the `/api/v1/crime` routes share: who may read, the query parameters, and the check of a moment."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from typing import Literal

from fastapi import Query

from safecity.core.auth.permissions import Permission
from safecity.core.errors import InvalidInputError
from safecity.core.http.security import Principal
from safecity.core.http.security import require

Reader = Annotated[Principal, require(Permission.EVENTS_READ)]
ModelName = Literal["self-exciting", "kde", "blend"]
KindQuery = Annotated[str | None, Query(max_length=64, description="Only this crime type (default: all).")]
CellQuery = Annotated[float, Query(ge=50, le=2000, description="Side of the square cells, metres.")]


def checked_until(until: datetime | None, now: datetime, field: str = "until") -> datetime:
    """`until` (default now), which needs a time zone and a year the history window fits in."""
    if until is None:
        return now
    if until.tzinfo is None:
        raise InvalidInputError("needs a time zone, e.g. 2026-03-02T00:00:00Z", field=field, location="query")
    if not 1900 <= until.year <= 2200:
        raise InvalidInputError("must be between the years 1900 and 2200", field=field, location="query")
    return until
