"""Cluster events: a worker lost (raises a `system` alert) and back (resolves it)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from safecity.core.bus import Event
from safecity.core.bus import register_event


@register_event
class WorkerLostEvent(Event):
    """A worker stopped reporting without leaving; `rehomable` is False when the others lack the capacity
    (or a camera is pinned to it without failover), so some cameras stay unwatched."""

    type: Literal["cluster.worker_lost"] = "cluster.worker_lost"
    worker: str
    cameras: list[str] = Field(default_factory=list)
    rehomable: bool = True
    camera_count: int = 0


@register_event
class WorkerBackEvent(Event):
    type: Literal["cluster.worker_back"] = "cluster.worker_back"
    worker: str
