"""The live event WebSocket: every event a client's role may see, as JSON, as it happens."""

from __future__ import annotations

import asyncio
import contextlib

from fastapi import APIRouter
from fastapi import HTTPException
from fastapi import WebSocket
from fastapi import WebSocketDisconnect

from safecity.core.auth.permissions import permission_for_event
from safecity.core.bus.events import Event
from safecity.core.http.security import Principal
from safecity.core.http.security import principal_from_media_ticket
from safecity.core.http.services import Services

router = APIRouter(tags=["live"])
CLOSE_POLICY_VIOLATION = 1008


def visible_to(principal: Principal, event: Event) -> bool:
    return principal.can(permission_for_event(event.type))


@router.websocket("/api/v1/live")
async def live(websocket: WebSocket, ticket: str = "", topics: str = ">") -> None:
    """Connect with `?ticket=<media ticket>&topics=alert.>,camera.*` (a ticket from POST
    /api/v1/auth/media-ticket; an access token in the URL is refused); receives one JSON event per message."""
    services: Services = websocket.app.state.services
    address = websocket.client.host if websocket.client else ""
    try:
        principal = await asyncio.to_thread(principal_from_media_ticket, services, ticket, address)
    except HTTPException:
        await websocket.close(code=CLOSE_POLICY_VIOLATION, reason="not authenticated")
        return
    patterns = [p.strip() for p in topics.split(",") if p.strip()] or [">"]
    try:
        feed = services.bus.listen(patterns)
    except ValueError as exc:
        await websocket.close(code=CLOSE_POLICY_VIOLATION, reason=str(exc)[:120])
        return
    await websocket.accept()
    await websocket.send_json({"type": "live.hello", "user": principal.username, "topics": patterns})

    async def forward() -> None:
        async for event in feed:
            if visible_to(principal, event):
                await websocket.send_text(event.model_dump_json())

    sender = asyncio.create_task(forward())
    try:
        while True:  # the client may send pings; a disconnect ends the loop
            await websocket.receive_text()
    except WebSocketDisconnect:
        pass
    finally:
        feed.close()
        sender.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await sender
