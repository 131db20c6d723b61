"""Time zones named in safecity.yaml (the console's, an alarm schedule's): IANA names checked on loading."""

from __future__ import annotations

from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError


def known_time_zone(name: str) -> str:
    """`name` when it is a time zone this machine knows; else ValueError("unknown time zone ...")."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc
    return name
