"""A route's change as one unit: open the session, change, audit in the same transaction, commit, then
publish the events (after the commit, so a listener never sees a change that was rolled back)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from typing import Any

import anyio.from_thread
from sqlalchemy.orm import Session

from safecity.core.bus import Event
from safecity.core.http.auditing import audit
from safecity.core.http.security import Principal
from safecity.core.http.services import Services

logger = logging.getLogger(__name__)


def publish(services: Services, events: Iterable[Event]) -> None:
    """Publish from a sync route (a worker thread) after the change committed; a bus failure is logged only:
    the change is durable and the console refreshes from the REST API."""
    for event in events:
        try:
            anyio.from_thread.run(services.bus.publish, event)
        except Exception:
            logger.exception("could not publish %s", event.type)


@dataclass
class Change:
    """A change the route does not audit (a citizen's report, a phone's panic, an AVL fix, or one its service
    audits itself): a session and the events to publish after its commit."""

    session: Session
    events: list[Event] = field(default_factory=list)

    def publish(self, *events: Event) -> None:
        """Queue events; they go out after the commit."""
        self.events.extend(events)


@dataclass(kw_only=True)
class Action(Change):
    """A logged-in user's change: also audited, in the same transaction."""

    principal: Principal

    def audit(self, action: str, object_type: str, object_id: object, **details: Any) -> None:
        audit(self.session, self.principal, action, object_type, object_id, **details)


@contextmanager
def change(services: Services) -> Iterator[Change]:
    """`with change(services) as ch:` change through `ch.session`, `ch.publish(...)`; an exception rolls
    everything back and publishes nothing."""
    with services.database.session() as session:
        unit = Change(session)
        yield unit
    publish(services, unit.events)


@contextmanager
def action(services: Services, principal: Principal) -> Iterator[Action]:
    """`with action(services, principal) as act:` change through `act.session`, `act.audit(...)`,
    `act.publish(...)`; an exception rolls everything back and publishes nothing."""
    with services.database.session() as session:
        act = Action(session, principal=principal)
        yield act
    publish(services, act.events)
