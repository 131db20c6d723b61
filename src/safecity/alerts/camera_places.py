"""Where a camera alert happened: the camera registry's position and name.

Pipeline and watchlist events carry no coordinates of their own; the camera that saw them does.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    if camera is None:
        return None
    return CameraPlace(camera.id, camera.name, camera.latitude, camera.longitude)
