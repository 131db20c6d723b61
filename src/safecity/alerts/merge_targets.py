"""Which alert a new hit would merge into: the latest not-yet-resolved alert of its dedup key.

Raising one alert asks the database once. A batch of hits applied in one transaction asks once for all of
its keys (`prefetch`): at 50 alarms/s one query per hit was one more round trip per alarm.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.alerts.models import Alert
from safecity.alerts.states import MERGING
from safecity.alerts.states import AlertStatus


class MergeTargets:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._latest: dict[str, Alert | None] = {}

    def prefetch(self, dedup_keys: Iterable[str]) -> None:
        """Read the latest merging alert of every key in one query (None for keys without one)."""
        keys = set(dedup_keys) - self._latest.keys()
        if not keys:
            return
        rank = (
            func.row_number()
            .over(partition_by=Alert.dedup_key, order_by=Alert.last_seen.desc())
            .label("rank")
        )
        ranked = (
            select(Alert.id, rank)
            .where(Alert.dedup_key.in_(keys), Alert.status.in_(list(MERGING)))
            .subquery()
        )
        latest = self._session.scalars(
            select(Alert).join(ranked, Alert.id == ranked.c.id).where(ranked.c.rank == 1)
        )
        self._latest.update(dict.fromkeys(keys))
        self._latest.update({alert.dedup_key: alert for alert in latest})

    def latest(self, dedup_key: str) -> Alert | None:
        """The alert a hit with this key merges into when it is within its cooldown."""
        if dedup_key in self._latest:
            known = self._latest[dedup_key]
            if known is None or AlertStatus(known.status) in MERGING:
                return known
            # Resolved since it was read (earlier in the batch): the next latest one is the target now.
        found = self._session.scalars(
            select(Alert)
            .where(Alert.dedup_key == dedup_key, Alert.status.in_(list(MERGING)))
            .order_by(Alert.last_seen.desc())
            .limit(1)
        ).first()
        self._latest[dedup_key] = found
        return found

    def remember(self, alert: Alert) -> None:
        """A new alert is its key's latest from now on."""
        self._latest[alert.dedup_key] = alert
