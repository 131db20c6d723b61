"""`GET /api/v1/events`: search the event index (alerts, camera health, rules, ...) on either bus."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from typing import Any

from fastapi import APIRouter
from fastapi import Query
from pydantic import AwareDatetime
from pydantic import BaseModel
from pydantic import Field

from safecity.core.auth.permissions import Permission
from safecity.core.errors import InvalidInputError
from safecity.core.http.deps import ServicesDep
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.events_search.queries import MAX_LIMIT
from safecity.events_search.queries import EventQuery
from safecity.events_search.queries import StoredEvent
from safecity.events_search.queries import search_events
from safecity.events_search.visibility import hidden_prefixes
from safecity.events_search.visibility import is_visible

router = APIRouter(prefix="/api/v1/events", tags=["events"])
Reader = Annotated[Principal, require(Permission.EVENTS_READ)]

TYPE_HELP = "Event type or its start: `alert.` (every alert event), `camera.health`, `rule.line_crossing`."
TIME_HELP = "the event's `time`, when it happened (ISO 8601 with zone)"


class StoredEventOut(BaseModel):
    seq: int = Field(description="Position in the event log; newer events have larger numbers.")
    id: str
    type: str
    time: str = Field(description="When the event happened, as its producer stated (ISO 8601, UTC).")
    published_at: datetime = Field(description="When the event index stored it.")
    camera_id: str | None
    source: str | None
    payload: dict[str, Any] = Field(description="The event's own fields (and its `payload`).")


class EventsPageOut(BaseModel):
    events: list[StoredEventOut]
    next_cursor: int | None = Field(description="Pass as `cursor` for the next, older page; null at the end.")
    limit: int


def _out(event: StoredEvent) -> StoredEventOut:
    return StoredEventOut.model_validate(event, from_attributes=True)


@router.get("", response_model=EventsPageOut, summary="Search stored events, newest first")
def search(
    services: ServicesDep,
    principal: Reader,
    type: Annotated[
        str | None, Query(description=TYPE_HELP, max_length=200, pattern=r"^[A-Za-z0-9_.\-]+$")
    ] = None,
    camera_id: Annotated[str | None, Query(max_length=100)] = None,
    since: Annotated[AwareDatetime | None, Query(description=f"From {TIME_HELP}, inclusive.")] = None,
    until: Annotated[AwareDatetime | None, Query(description=f"Until {TIME_HELP}, exclusive.")] = None,
    cursor: Annotated[int | None, Query(ge=1, description="`next_cursor` of the previous page.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
) -> EventsPageOut:
    """Events in the event index, newest first by when they happened, kept for `retention.events_days`,
    with the live feed's visibility rules. Plate reads and face sightings are personal data and are not
    indexed: search them with a stated purpose under `/api/v1/plates` and `/api/v1/faces`."""
    if since is not None and until is not None and until <= since:
        raise InvalidInputError("until must be after since", field="until", location="query")
    query = EventQuery(
        type_prefix=type,
        camera_id=camera_id,
        since=since,
        until=until,
        after_seq=cursor,
        limit=limit,
        hidden_prefixes=hidden_prefixes(principal.can),
    )
    with services.database.session() as session:
        page = search_events(session, query, lambda event_type: is_visible(principal.can, event_type))
    return EventsPageOut(events=[_out(e) for e in page.events], next_cursor=page.next_after_seq, limit=limit)
