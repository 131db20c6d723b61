"""`/api/v1/map`: the console's map — its base layer and outline (`map:` in safecity.yaml) and where the
cameras are, so every map opens on them.

The map's own files (a PMTiles archive, the outline GeoJSON) are public like the console's files: they hold
the city's streets, not anything safecity knows about it, and MapLibre fetches them without the operator's
token. What the map shows on top (cameras, units, incidents) comes from the authenticated API. The
configuration itself needs a login: a commercial tile URL may carry the city's key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import func, select

from safecity.cameras.models import Camera
from safecity.config import Settings
from safecity.config.map import basemap_kind, is_remote, xyz_template
from safecity.core.errors import NotFoundError
from safecity.core.http.deps import CurrentPrincipal, ServicesDep
from safecity.core.http.static_files import REVALIDATE, send_file

router = APIRouter(prefix="/api/v1/map", tags=["map"])
BASEMAP_PATH = "/api/v1/map/basemap.pmtiles"
OUTLINE_PATH = "/api/v1/map/outline.geojson"


class BasemapOut(BaseModel):
    kind: Literal["none", "xyz", "pmtiles"] = Field(
        description="xyz: raster tiles from `url` ({z}/{x}/{y}); pmtiles: one archive at `url` read with "
        "range requests; none: no tiles, the outline alone."
    )
    url: str | None = Field(description="The tile URL template or the archive's URL; null for none.")
    attribution: str
    max_zoom: int


class MapConfigOut(BaseModel):
    basemap: BasemapOut
    outline_url: str | None = Field(
        description="GeoJSON drawn over the base layer; null when not configured."
    )
    camera_bounds: tuple[float, float, float, float] | None = Field(
        description="[west, south, east, north] of the cameras with a position: where maps open. "
        "Null when no camera has one."
    )


def _local(settings: Settings, path: Path) -> Path:
    return path if path.is_absolute() else settings.data_dir / path


def basemap_out(settings: Settings) -> BasemapOut:
    config = settings.map
    kind = basemap_kind(config.basemap)
    url: str | None = None
    if config.basemap and kind == "xyz":
        url = xyz_template(config.basemap)
    elif config.basemap and kind == "pmtiles":
        url = config.basemap if is_remote(config.basemap) else BASEMAP_PATH
    return BasemapOut(kind=kind, url=url, attribution=config.attribution, max_zoom=config.max_zoom)


@router.get("", response_model=MapConfigOut, summary="The map's base layer, outline and the cameras' bounds")
def map_config(services: ServicesDep, _principal: CurrentPrincipal) -> MapConfigOut:
    settings = services.settings
    with services.database.session() as session:
        row = session.execute(
            select(
                func.min(Camera.longitude),
                func.min(Camera.latitude),
                func.max(Camera.longitude),
                func.max(Camera.latitude),
            ).where(Camera.latitude.is_not(None), Camera.longitude.is_not(None))
        ).one()
    west, south, east, north = row  # all null, or all set (both coordinates are required together)
    bounds = None
    if west is not None and south is not None and east is not None and north is not None:
        bounds = (float(west), float(south), float(east), float(north))
    return MapConfigOut(
        basemap=basemap_out(settings),
        outline_url=OUTLINE_PATH if settings.map.outline else None,
        camera_bounds=bounds,
    )


def _configured_file(services_settings: Settings, configured: Path | None, name: str) -> Path:
    if configured is None:
        raise NotFoundError(f"no {name} is configured")
    path = _local(services_settings, configured)
    if not path.is_file():
        raise NotFoundError(f"the {name} file {path} does not exist")
    return path


@router.get(
    "/basemap.pmtiles",
    summary="The offline base map (a PMTiles archive; answers HTTP range requests). Public.",
    response_class=Response,
    responses={
        200: {"content": {"application/octet-stream": {}}},
        206: {"description": "The byte range asked for"},
        404: {"description": "No local PMTiles archive is configured, or its file is missing"},
        416: {"description": "The range lies outside the file"},
    },
)
def basemap_archive(request: Request, services: ServicesDep) -> Response:
    basemap = services.settings.map.basemap
    local = basemap if basemap and basemap_kind(basemap) == "pmtiles" and not is_remote(basemap) else None
    path = _configured_file(services.settings, Path(local) if local else None, "map.basemap PMTiles")
    return send_file(request, path, cache_control=REVALIDATE, media_type="application/octet-stream")


@router.get(
    "/outline.geojson",
    summary="The city outline (boundary, districts, roads) the deployment provides. Public.",
    response_class=Response,
    responses={
        200: {"content": {"application/geo+json": {}}},
        404: {"description": "No outline is configured, or its file is missing"},
    },
)
def outline(request: Request, services: ServicesDep) -> Response:
    path = _configured_file(services.settings, services.settings.map.outline, "map.outline")
    return send_file(request, path, cache_control=REVALIDATE, media_type="application/geo+json")
