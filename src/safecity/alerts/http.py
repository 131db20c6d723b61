"""Route plumbing shared by the command-and-control routers: audit, clock, live publishing, error mapping."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Annotated

import anyio.from_thread
from fastapi import Depends, HTTPException, status
from sqlalchemy.orm.exc import StaleDataError

from safecity.alerts.clock import SYSTEM_CLOCK, Clock
from safecity.alerts.service import AlertNotFoundError
from safecity.alerts.states import InvalidTransitionError
from safecity.core.bus import Event
from safecity.core.http.services import Services, get_services

logger = logging.getLogger(__name__)
ServicesDep = Annotated[Services, Depends(get_services)]
CLOCK_KEY = "clock"


def clock_of(services: Services) -> Clock:
    """The clock routes use; tests put a fake one in `services.extras["clock"]`."""
    clock: Clock = services.extras.get(CLOCK_KEY, SYSTEM_CLOCK)
    return clock


def publish(services: Services, events: Iterable[Event]) -> None:
    """Publish from a sync route (a worker thread) after the change committed; a bus failure is logged only:
    the change is durable and the console refreshes from the REST API."""
    for event in events:
        try:
            anyio.from_thread.run(services.bus.publish, event)
        except Exception:
            logger.exception("could not publish %s", event.type)


def unprocessable(field: str, message: str) -> HTTPException:
    """422 in FastAPI's validation shape, naming the field."""
    return HTTPException(
        status.HTTP_422_UNPROCESSABLE_CONTENT,
        [{"loc": ["body", field], "msg": message, "type": "value_error"}],
    )


@contextmanager
def http_errors(*not_found: type[Exception], conflict: tuple[type[Exception], ...] = ()) -> Iterator[None]:
    """Map domain errors: missing → 404, refused transitions and lost races → 409, bad values → 422."""
    missing: tuple[type[Exception], ...] = (AlertNotFoundError, *not_found)
    refused: tuple[type[Exception], ...] = (InvalidTransitionError, StaleDataError, *conflict)
    try:
        yield
    except missing as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc).strip("'\"")) from exc
    except refused as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
    except ValueError as exc:
        message = str(exc)
        field, _, rest = message.partition(": ")
        if rest and field.isidentifier():
            raise unprocessable(field, rest) from exc
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, message) from exc
