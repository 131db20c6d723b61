"""`/api/v1/wall/views`: each user's saved video-wall views (layout, cameras, tour)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from typing import Literal

from fastapi import APIRouter
from fastapi import Path
from fastapi import Response
from pydantic import BaseModel
from pydantic import Field
from pydantic import model_validator

from safecity.cameras import wall_views
from safecity.core.auth.permissions import Permission
from safecity.core.http.deps import ServicesDep
from safecity.core.http.outputs import from_row
from safecity.core.http.security import Principal
from safecity.core.http.security import require

router = APIRouter(prefix="/api/v1/wall", tags=["wall"])
Viewer = Annotated[Principal, require(Permission.CAMERAS_READ)]
ViewName = Annotated[str, Path(min_length=1, max_length=80, description="The view's name, unique per user.")]
Layout = Literal["1", "4", "9", "16", "1+5"]


class WallViewIn(BaseModel):
    layout: Layout = Field(description='Tiles: "1", "4", "9", "16", or "1+5" (one large and five small).')
    camera_ids: list[str | None] = Field(
        max_length=wall_views.MAX_VIEW_CAMERAS,
        description="Cameras in tile order; null leaves a tile empty. More cameras than tiles need a tour.",
    )
    tour_seconds: int | None = Field(
        None, ge=3, le=3600, description="Show the cameras a layout-full at a time, the next ones every N s."
    )

    @model_validator(mode="after")
    def _fits(self) -> WallViewIn:
        if len(self.camera_ids) > wall_views.LAYOUT_TILES[self.layout] and self.tour_seconds is None:
            raise ValueError(
                f"{len(self.camera_ids)} cameras do not fit layout {self.layout}: "
                "set tour_seconds to cycle them"
            )
        return self


class WallViewOut(WallViewIn):
    name: str
    updated_at: datetime


def _out(view: wall_views.WallView) -> WallViewOut:
    return from_row(WallViewOut, view)


@router.get("/views", response_model=list[WallViewOut], summary="The caller's saved wall views")
def list_views(services: ServicesDep, who: Viewer) -> list[WallViewOut]:
    with services.database.session() as session:
        return [_out(view) for view in wall_views.list_views(session, who.username)]


@router.put(
    "/views/{name}",
    response_model=WallViewOut,
    summary="Save (create or replace) one of the caller's wall views",
    responses={
        422: {"description": "Unknown camera, unknown layout, or more cameras than tiles without a tour"}
    },
)
def save_view(name: ViewName, body: WallViewIn, services: ServicesDep, who: Viewer) -> WallViewOut:
    spec = wall_views.ViewSpec(body.layout, body.camera_ids, body.tour_seconds)
    with services.database.session() as session:
        return _out(wall_views.save_view(session, who.username, name, spec))


@router.delete(
    "/views/{name}",
    status_code=204,
    summary="Delete one of the caller's wall views",
    responses={404: {"description": "No such view"}},
)
def delete_view(name: ViewName, services: ServicesDep, who: Viewer) -> Response:
    with services.database.session() as session:
        wall_views.delete_view(session, who.username, name)
    return Response(status_code=204)
