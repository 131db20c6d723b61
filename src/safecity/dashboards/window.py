"""The time window a dashboard covers: `since`/`until` checked against the bucket size, whole seconds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Literal

from safecity.core.errors import InvalidInputError

Bucket = Literal["hour", "day"]
BUCKET_SECONDS: dict[Bucket, int] = {"hour": 3600, "day": 86400}
DEFAULT_SPAN: dict[Bucket, timedelta] = {"hour": timedelta(days=1), "day": timedelta(days=30)}
#: Longest window per bucket size: at most 744 hourly or 366 daily buckets per series.
MAX_SPAN: dict[Bucket, timedelta] = {"hour": timedelta(days=31), "day": timedelta(days=366)}


class WindowError(InvalidInputError):
    """A bad window; `field` names the query parameter at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message, field=field, location="query")


@dataclass(frozen=True, slots=True)
class Window:
    since: datetime
    until: datetime
    bucket: Bucket

    @property
    def bucket_seconds(self) -> int:
        return BUCKET_SECONDS[self.bucket]

    def bucket_start(self, index: int) -> datetime:
        return self.since + timedelta(seconds=index * self.bucket_seconds)


def make_window(since: datetime | None, until: datetime | None, bucket: Bucket, *, now: datetime) -> Window:
    """Defaults: until now, since one day (hourly) or 30 days (daily) earlier."""
    start, end = resolve_span(
        since, until, now=now, default_span=DEFAULT_SPAN[bucket], max_span=MAX_SPAN[bucket]
    )
    return Window(start, end, bucket)


def resolve_span(
    since: datetime | None,
    until: datetime | None,
    *,
    now: datetime,
    default_span: timedelta,
    max_span: timedelta,
) -> tuple[datetime, datetime]:
    """The checked [since, until) in UTC, both cut to whole seconds so that bucket arithmetic on whole
    epoch seconds in SQL is exact."""
    for field, value in (("since", since), ("until", until)):
        if value is not None and value.utcoffset() is None:
            raise WindowError(field, "give a time zone, e.g. 2025-01-31T00:00:00Z")
    end = _whole_seconds(until or now)
    start = _whole_seconds(since or end - default_span)
    if start >= end:
        raise WindowError("since", "must be earlier than until")
    if end - start > max_span:
        raise WindowError("since", f"the window may span at most {max_span.days} days here")
    return start, end


def _whole_seconds(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(microsecond=0)
