"""Where a camera alert happened: the camera registry's position and name.

Pipeline and watchlist events carry no coordinates of their own; the camera that saw them does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.cameras.models import Camera


@dataclass(frozen=True, slots=True)
class CameraPlace:
    camera_id: str
    name: str
    latitude: float | None
    longitude: float | None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.camera_id})" if self.name != self.camera_id else self.camera_id


def camera_place(session: Session, camera_id: str | None) -> CameraPlace | None:
    """The registered camera's place; None for an alert without a camera or a camera nobody registered."""
    if not camera_id:
        return None
    camera = session.get(Camera, camera_id)
    return _place_of(camera) if camera is not None else None


def camera_places(session: Session, camera_ids: Iterable[str | None]) -> dict[str, CameraPlace]:
    """The places of the registered cameras among `camera_ids`, in one query (a batch of alerts)."""
    wanted = {camera_id for camera_id in camera_ids if camera_id}
    if not wanted:
        return {}
    cameras = session.scalars(select(Camera).where(Camera.id.in_(wanted)))
    return {camera.id: _place_of(camera) for camera in cameras}


def _place_of(camera: Camera) -> CameraPlace:
    return CameraPlace(camera.id, camera.name, camera.latitude, camera.longitude)
