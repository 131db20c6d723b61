"""Typed `alert.*` events; the live WebSocket forwards them to operators as they happen."""

from __future__ import annotations

from typing import Literal

from safecity.alerts.schemas import AlertView
from safecity.core.bus import Event
from safecity.core.bus import register_event


class _AlertEvent(Event):
    alert: AlertView
    action: str = ""
    actor: str = ""


@register_event
class AlertCreated(_AlertEvent):
    """A new alert (not a repeat merged into an existing one)."""

    type: Literal["alert.created"] = "alert.created"


@register_event
class AlertUpdated(_AlertEvent):
    """An alert changed: `action` is repeated, acknowledged, assigned, dismissed, confirmed, resolved, ..."""

    type: Literal["alert.updated"] = "alert.updated"


@register_event
class AlertEscalated(_AlertEvent):
    """An alert was escalated, by hand or because nobody acknowledged it in time."""

    type: Literal["alert.escalated"] = "alert.escalated"


def alert_event(action: str, view: AlertView, actor: str = "") -> Event:
    if action == "created":
        return AlertCreated(alert=view, action=action, actor=actor, camera_id=view.camera_id)
    if action == "escalated":
        return AlertEscalated(alert=view, action=action, actor=actor, camera_id=view.camera_id)
    return AlertUpdated(alert=view, action=action, actor=actor, camera_id=view.camera_id)
