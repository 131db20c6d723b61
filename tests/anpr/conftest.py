"""Helpers for the ANPR tests: plate-read events and an API client (the shared one from tests/api)."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

from safecity.anpr.events import PlateReadEvent
from tests.api.conftest import client  # noqa: F401 - fixtures reused by the API tests
from tests.api.conftest import settings  # noqa: F401 - fixtures reused by the API tests

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


def plate_read(
    text: str,
    camera_id: str = "cam-1",
    minutes: float = 0,
    confidence: float = 0.9,
    crop: str | None = None,
) -> PlateReadEvent:
    """A `plate.read` event for a Punjab-style `LEB-06-5700` (or unparsed text) `minutes` after T0."""
    parts = text.split("-")
    series, year, number = (parts[0], parts[1], parts[2]) if len(parts) == 3 else (None, None, None)
    return PlateReadEvent(
        camera_id=camera_id,
        time=T0 + timedelta(minutes=minutes),
        text=text,
        series=series,
        year=year,
        number=number,
        format="punjab-legacy" if series else None,
        matched=series is not None,
        confidence=confidence,
        crop_sha256=crop,
    )
