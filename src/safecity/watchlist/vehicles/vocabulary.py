"""Words of the vehicle hotlists that callers choose from, free of SQLAlchemy (the CLI offers them)."""

from __future__ import annotations

from enum import StrEnum


class HotlistKind(StrEnum):
    WANTED = "wanted"
    STOLEN = "stolen"
    SUSPECT = "suspect"
    WATCH = "watch"
    OTHER = "other"
