"""Camera registry operations: create, change, delete, list, find nearby, and sync from safecity.yaml."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from safecity.cameras.credentials import MASK
from safecity.cameras.credentials import full_url
from safecity.cameras.credentials import split_credentials
from safecity.cameras.health_store import forget
from safecity.cameras.models import Camera
from safecity.cameras.schemas import CameraCreate
from safecity.cameras.schemas import CameraUpdate
from safecity.config import CameraSettings
from safecity.config import ConfigError
from safecity.core import validation_messages
from safecity.core.db import get_or_raise
from safecity.core.db import utcnow
from safecity.core.errors import ConflictError
from safecity.core.errors import InvalidInputError
from safecity.core.errors import NotFoundError
from safecity.pipeline.rules.config import SceneConfig

EARTH_RADIUS_M = 6_371_000.0
#: Fields whose values are never written to the audit log or logs.
SECRET_FIELDS = frozenset({"password"})


class CameraNotFoundError(NotFoundError):
    pass


class CameraExistsError(ConflictError, ValueError):
    pass


@dataclass(frozen=True, slots=True)
class StreamAddresses:
    """What a worker opens for a camera: credentials included. Never log or return these."""

    detect_url: str
    record_url: str


def get_camera(session: Session, camera_id: str) -> Camera:
    return get_or_raise(session, Camera, camera_id, CameraNotFoundError(f"no camera {camera_id!r}"))


def list_cameras(
    session: Session, *, district: str | None = None, enabled: bool | None = None
) -> list[Camera]:
    query = select(Camera).order_by(Camera.id)
    if district is not None:
        query = query.where(Camera.district == district)
    if enabled is not None:
        query = query.where(Camera.enabled == enabled)
    return list(session.scalars(query))


def create_camera(session: Session, data: CameraCreate, *, managed_by: str = "api") -> Camera:
    if session.get(Camera, data.id) is not None:
        raise CameraExistsError(f"camera {data.id!r} already exists")
    now = utcnow()
    camera = Camera(id=data.id, managed_by=managed_by, created_at=now, updated_at=now, scene="{}")
    _apply(camera, data.model_dump(exclude={"id"}))
    session.add(camera)
    session.flush()
    return camera


def update_camera(session: Session, camera_id: str, data: CameraUpdate) -> tuple[Camera, list[str]]:
    """Apply the given fields; returns the camera and the names of the fields that were sent."""
    camera = get_camera(session, camera_id)
    changes = data.changes()
    for required in ("name", "url", "owner", "enabled", "loop", "detect_fps", "analytics_profile"):
        if required in changes and changes[required] is None:
            raise InvalidInputError(f"{required}: may not be null")
    _apply(camera, changes)
    if (camera.latitude is None) != (camera.longitude is None):
        raise InvalidInputError("latitude and longitude go together: give both or neither")
    camera.updated_at = utcnow()
    return camera, sorted(changes)


def delete_camera(session: Session, camera_id: str) -> None:
    session.delete(get_camera(session, camera_id))
    forget(session, camera_id)


def sync_from_settings(session: Session, cameras: Sequence[CameraSettings]) -> list[str]:
    """Upsert the cameras declared in safecity.yaml (the file wins over API edits); returns their ids."""
    for index, declared in enumerate(cameras):
        values = declared.model_dump(exclude={"id"})
        with _declared_at(index):
            if not _added_if_missing(session, CameraCreate(id=declared.id, **values)):
                update_camera(session, declared.id, CameraUpdate(**values))
                get_camera(session, declared.id).managed_by = "config"
    return [declared.id for declared in cameras]


def add_missing_from_settings(session: Session, cameras: Sequence[CameraSettings]) -> dict[str, list[str]]:
    """A worker's view of safecity.yaml's cameras: the registry wins. Cameras it lacks are added; for the
    others, the fields where the file disagrees with the registry are returned (camera → field names)."""
    disagreements: dict[str, list[str]] = {}
    for index, declared in enumerate(cameras):
        with _declared_at(index):
            wanted = CameraCreate(id=declared.id, **declared.model_dump(exclude={"id"}))
            if _added_if_missing(session, wanted):
                continue
            stored = get_camera(session, declared.id)
            as_row = Camera()
            _apply(as_row, wanted.model_dump(exclude={"id"}))
        differing = [name for name in _COMPARED if getattr(as_row, name) != getattr(stored, name)]
        if differing:
            disagreements[declared.id] = differing
    return disagreements


def _added_if_missing(session: Session, wanted: CameraCreate) -> bool:
    """Add a camera of the file unless the registry has it; False when it does. Race-safe: an API node and
    a worker starting together may both find it missing, and the loser's insert (in a savepoint) gives way."""
    if session.get(Camera, wanted.id) is not None:
        return False
    try:
        with session.begin_nested():
            create_camera(session, wanted, managed_by="config")
    except IntegrityError:
        return False  # another process inserted it since our look-up
    return True


@contextmanager
def _declared_at(index: int) -> Iterator[None]:
    """Problems with `cameras[index]` of the file become a ConfigError naming it."""
    try:
        yield
    except ValidationError as exc:
        raise ConfigError(validation_messages.problems(exc, prefix=f"cameras[{index}].")) from exc
    except ValueError as exc:
        raise ConfigError(f"cameras[{index}]: {exc}") from exc


_COMPARED = (
    "name",
    "url",
    "sub_url",
    "enabled",
    "loop",
    "detect_fps",
    "analytics_profile",
    "worker",
    "failover",
)


def nearest(session: Session, latitude: float, longitude: float, limit: int) -> list[tuple[Camera, float]]:
    """Cameras with coordinates, closest first, with their great-circle distance in metres."""
    located = session.scalars(
        select(Camera).where(Camera.latitude.is_not(None), Camera.longitude.is_not(None))
    )
    ranked = [
        (camera, haversine_m(latitude, longitude, camera.latitude, camera.longitude))
        for camera in located
        if camera.latitude is not None and camera.longitude is not None
    ]
    ranked.sort(key=lambda pair: pair[1])
    return ranked[:limit]


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def stream_addresses(camera: Camera) -> StreamAddresses:
    record = full_url(camera.url, camera.username, camera.password)
    detect = full_url(camera.sub_url, camera.username, camera.password) if camera.sub_url else record
    return StreamAddresses(detect_url=detect, record_url=record)


def scene_of(camera: Camera) -> SceneConfig:
    return SceneConfig.model_validate(json.loads(camera.scene or "{}"))


def audit_details(fields: Sequence[str], camera: Camera) -> dict[str, Any]:
    """What the audit log records about a change: field names, and values only for non-secret fields."""
    return {
        "fields": list(fields),
        "values": {
            name: _audit_value(getattr(camera, name, None))
            for name in fields
            if name not in SECRET_FIELDS and name not in {"url", "sub_url", "scene"}
        },
    }


# ------------------------------------------------------------------------------------------------ inside
def _apply(camera: Camera, values: dict[str, Any]) -> None:
    """Write fields onto the row; credentials embedded in URLs move into their own columns."""
    for name, value in values.items():
        if name in {"url", "sub_url"}:
            continue
        if name == "scene":
            scene = SceneConfig.model_validate(value) if isinstance(value, dict) else value
            camera.scene = json.dumps(scene.model_dump(mode="json", exclude_defaults=True) if scene else {})
        elif name in {"username", "password"}:
            if value != MASK:
                setattr(camera, name, value or None)
        else:
            setattr(camera, name, value)
    for name in ("url", "sub_url"):
        if name not in values:
            continue
        if values[name] is None:
            setattr(camera, name, None)
            continue
        bare, username, password = split_credentials(values[name])
        setattr(camera, name, bare)
        if username is not None and values.get("username") is None:
            camera.username = username
        if password is not None and password != MASK and values.get("password") is None:
            camera.password = password


def _audit_value(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)
