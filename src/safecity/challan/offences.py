"""One offence: the same plate, violation type and camera within the dedup window.

A second violation of one offence is marked a duplicate, and a second ticket for it is never issued.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import ColumnElement

from safecity.challan.models import Ticket
from safecity.challan.models import Violation
from safecity.config.challan import ChallanSettings
from safecity.core.db import within


def same_offence(
    rows: type[Violation] | type[Ticket], violation: Violation, settings: ChallanSettings
) -> list[ColumnElement[bool]]:
    """The conditions that select the `rows` (violations or tickets) of the violation's offence."""
    window = timedelta(seconds=settings.dedup_window_seconds)
    return [
        rows.plate_key == violation.plate_key,
        rows.violation_type == violation.violation_type,
        rows.camera_id == violation.camera_id,
        within(rows.occurred_at, violation.occurred_at, window),
    ]
