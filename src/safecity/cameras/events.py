"""Camera events on the bus: health changes, worker heartbeats and operator commands for a worker."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from typing import Any
from typing import Literal

from pydantic import BaseModel
from pydantic import Field
from pydantic import model_validator

from safecity.core.bus import Event
from safecity.core.bus import register_event
from safecity.video.health_types import HealthChange

#: The health states the API reports (the console colours the map by them).
API_STATES = ("online", "offline", "frozen", "covered", "defocused", "scene_changed", "connecting", "unknown")


@register_event
class CameraHealthEvent(Event):
    """A camera's health changed (published by the worker that runs it)."""

    type: Literal["camera.health"] = "camera.health"
    state: str = "unknown"
    previous: str | None = None
    reason: str = ""
    fps: float = 0.0
    bitrate_bps: float = 0.0
    problems: list[str] = Field(default_factory=list)
    worker: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _state_from_payload(cls, data: Any) -> Any:
        """Producers that only know the base `Event` put the state in the payload; never refuse them."""
        if isinstance(data, dict) and "state" not in data and isinstance(data.get("payload"), dict):
            state = data["payload"].get("state")
            if isinstance(state, str):
                return {**data, "state": state}
        return data

    @classmethod
    def from_change(cls, change: HealthChange, worker: str | None) -> CameraHealthEvent:
        return cls(
            camera_id=change.camera_id,
            time=datetime.fromtimestamp(change.at, UTC),
            source=f"worker:{worker}" if worker else None,
            state=change.current.value,
            previous=change.previous.value if change.previous else None,
            reason=change.reason,
            fps=round(change.metrics.fps, 2),
            bitrate_bps=round(change.metrics.bitrate_bps),
            problems=[problem.value for problem in change.problems],
            worker=worker,
        )


class CameraBeat(BaseModel):
    camera_id: str
    state: str
    fps: float = 0.0
    bitrate_bps: float = 0.0


@register_event
class WorkerHeartbeatEvent(Event):
    """Every few seconds: the cameras a worker runs, their state and measured rates."""

    type: Literal["worker.heartbeat"] = "worker.heartbeat"
    worker: str
    cameras: list[CameraBeat] = Field(default_factory=list)


@register_event
class CameraCommandEvent(Event):
    """An operator's instruction for whichever worker runs the camera (e.g. accept a moved view)."""

    type: Literal["camera.command"] = "camera.command"
    action: Literal["accept_scene"]
    requested_by: str = ""
