"""Saved video-wall views, per user: a layout, the cameras in its tiles and, optionally, a tour.

A view with more cameras than its layout has tiles and `tour_seconds` set is a camera tour: the wall shows
the cameras a layout-full at a time and moves to the next ones every `tour_seconds`. No HTTP here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import JSON
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import UniqueConstraint
from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import Session
from sqlalchemy.orm import mapped_column

from safecity.cameras.models import Camera
from safecity.core.db import Base
from safecity.core.db import UTCDateTime
from safecity.core.db import utcnow
from safecity.core.errors import InvalidInputError
from safecity.core.errors import NotFoundError

# Tiles per layout; "1+5" is one large tile with five small ones around it.
LAYOUT_TILES: Final = {"1": 1, "4": 4, "9": 9, "16": 16, "1+5": 6}
MAX_VIEW_CAMERAS: Final = 64


class WallView(Base):
    __tablename__ = "wall_views"
    __table_args__ = (UniqueConstraint("username", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(
        String(64), ForeignKey("users.username", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(80))
    layout: Mapped[str] = mapped_column(String(8))
    camera_ids: Mapped[list[str | None]] = mapped_column(JSON, default=list)
    tour_seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class WallViewNotFoundError(NotFoundError):
    pass


class UnknownCamerasError(InvalidInputError):
    """A view names cameras the registry does not have (422 on `camera_ids`)."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__(f"unknown camera(s): {', '.join(missing)}", field="camera_ids")
        self.missing = missing


@dataclass(frozen=True, slots=True)
class ViewSpec:
    layout: str
    camera_ids: list[str | None]  # None: an empty tile
    tour_seconds: int | None


def list_views(session: Session, username: str) -> list[WallView]:
    return list(
        session.scalars(select(WallView).where(WallView.username == username).order_by(WallView.name))
    )


def save_view(session: Session, username: str, name: str, spec: ViewSpec) -> WallView:
    """Create or replace the user's view called `name`."""
    wanted = {camera for camera in spec.camera_ids if camera}
    known = set(session.scalars(select(Camera.id).where(Camera.id.in_(wanted)))) if wanted else set()
    if missing := sorted(wanted - known):
        raise UnknownCamerasError(missing)
    view = session.scalar(select(WallView).where(WallView.username == username, WallView.name == name))
    if view is None:
        view = WallView(username=username, name=name)
        session.add(view)
    view.layout = spec.layout
    view.camera_ids = list(spec.camera_ids)
    view.tour_seconds = spec.tour_seconds
    view.updated_at = utcnow()
    session.flush()
    return view


def delete_view(session: Session, username: str, name: str) -> None:
    result = session.execute(delete(WallView).where(WallView.username == username, WallView.name == name))
    if not result.rowcount:  # type: ignore[attr-defined]
        raise WallViewNotFoundError(f"no saved view {name!r}")
