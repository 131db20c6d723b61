"""Route plumbing for the e-challan routers: error mapping, publishing after commit, the officer."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Annotated

import anyio.from_thread
from fastapi import Depends, HTTPException, status

from safecity.challan.errors import ConflictError, InvalidRequestError, NotFoundError
from safecity.challan.fines import FineScheduleError
from safecity.challan.validation import Officer
from safecity.core.bus import Event
from safecity.core.http.security import Principal
from safecity.core.http.services import Services, get_services

logger = logging.getLogger(__name__)
ServicesDep = Annotated[Services, Depends(get_services)]


@contextmanager
def http_errors() -> Iterator[None]:
    try:
        yield
    except NotFoundError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(error)) from error
    except ConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, str(error)) from error
    except InvalidRequestError as error:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, str(error)) from error
    except FineScheduleError as error:
        raise HTTPException(status.HTTP_500_INTERNAL_SERVER_ERROR, str(error)) from error


def officer_of(principal: Principal) -> Officer:
    return Officer(principal.username, principal.role.value, principal.client_address)


def publish(services: Services, events: Iterable[Event]) -> None:
    """Publish after the change committed; a bus failure is logged (the change is durable)."""
    for event in events:
        try:
            anyio.from_thread.run(services.bus.publish, event)
        except Exception:
            logger.exception("could not publish %s", event.type)
