"""Two-person confirmation happens in the faces domain; its `face.match_confirmed` event confirms the alert
that was raised from the same candidate."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.alerts import service
from safecity.alerts.models import Alert

MATCH_CONFIRMED = "face.match_confirmed"
log = logging.getLogger(__name__)


def confirm_raised_from(
    session: Session, source_event_id: str, confirmed_by: Sequence[str], now: datetime
) -> list[Alert]:
    """Confirm the alerts raised from `source_event_id`; one already dismissed or resolved stays as it is."""
    confirmed = []
    query = select(Alert.id).where(Alert.source_event_id == source_event_id)
    for alert_id in session.scalars(query).all():
        try:
            with session.begin_nested():
                confirmed.append(service.confirm(session, alert_id, confirmed_by, now))
        except Exception as exc:  # the match stands whatever the alert's state
            log.warning("alert %s raised from %s not confirmed: %s", alert_id, source_event_id, exc)
    return confirmed
