"""A batch's `alert.*` events, in order, each showing its alert as it was at that event.

The batch's new alerts are inserted together, in one statement at the end (one round trip per alarm was
most of the consumer's time at 50 alarms/s), so a new alert has no id when its `alert.created` is due: the
event waits for the insert. Before anything changes an alert still waiting (a repeat merged into it, a
resolve, a confirmation), `settle` inserts what waits, so every event still shows its alert's state at its
own moment.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from safecity.alerts.events import alert_event
from safecity.alerts.models import Alert
from safecity.alerts.schemas import AlertView
from safecity.core.bus import Event


class BatchEvents:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._events: list[Event | None] = []
        self._waiting: list[tuple[int, str, Alert]] = []  # (position, action, alert without an id yet)

    def add(self, action: str, alert: Alert, actor: str = "") -> None:
        if alert.id is None:  # only new alerts wait, and they have no actor
            self._waiting.append((len(self._events), action, alert))
            self._events.append(None)
        else:
            self._events.append(alert_event(action, AlertView.of(alert), actor))

    def settle(self) -> None:
        """Insert the waiting alerts (one statement) and write their events."""
        if not self._waiting:
            return
        self._session.flush()
        for position, action, alert in self._waiting:
            self._events[position] = alert_event(action, AlertView.of(alert))
        self._waiting.clear()

    def all(self) -> list[Event]:
        self.settle()
        return [event for event in self._events if event is not None]
