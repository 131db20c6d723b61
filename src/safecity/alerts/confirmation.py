"""Two-person confirmation happens in the faces domain; its `face.match_confirmed` event confirms the alert
that was raised from the same candidate."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.alerts import service
from safecity.alerts.models import Alert

MATCH_CONFIRMED = "face.match_confirmed"
log = logging.getLogger(__name__)


def confirm_raised_from(
    session: Session, source_event_id: str, subject: str, confirmed_by: Sequence[str], now: datetime
) -> list[Alert]:
    """Confirm the alerts raised from `source_event_id` or merged from it (same `subject`); one already
    dismissed or resolved stays as it is."""
    confirmed = []
    query = select(Alert).where(
        Alert.requires_confirmation.is_(True),
        or_(Alert.source_event_id == source_event_id, Alert.subject == subject),
    )
    for alert in session.scalars(query).all():
        if source_event_id not in service.raised_from(alert):
            continue
        try:
            with session.begin_nested():
                confirmed.append(service.confirm(session, alert.id, confirmed_by, now))
        except Exception as exc:  # the match stands whatever the alert's state
            log.warning("alert %s raised from %s not confirmed: %s", alert.id, source_event_id, exc)
    return confirmed
