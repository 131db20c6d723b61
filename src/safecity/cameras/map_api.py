"""`/api/v1/map`: the console's map — its base layer and outline (`map:` in safecity.yaml) and where the
cameras are, so every map opens on them.

The map's own files (a PMTiles archive, an MBTiles file's tiles, the outline GeoJSON) are public like the
console's files: they hold
the city's streets, not anything safecity knows about it, and MapLibre fetches them without the operator's
token. What the map shows on top (cameras, units, incidents) comes from the authenticated API. The
configuration itself needs a login: a commercial tile URL may carry the city's key.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Annotated
from typing import Literal

from fastapi import APIRouter
from fastapi import Path as PathParameter
from fastapi import Request
from fastapi import Response
from pydantic import BaseModel
from pydantic import Field
from sqlalchemy import func
from sqlalchemy import select

from safecity.cameras.mbtiles import MBTilesError
from safecity.cameras.mbtiles import MBTilesInfo
from safecity.cameras.mbtiles import TileFormat
from safecity.cameras.mbtiles import read_info
from safecity.cameras.mbtiles import read_tile
from safecity.cameras.models import Camera
from safecity.config import Settings
from safecity.config.map import basemap_kind
from safecity.config.map import is_remote
from safecity.config.map import xyz_template
from safecity.core.errors import NotFoundError
from safecity.core.http.deps import CurrentPrincipal
from safecity.core.http.deps import ServicesDep
from safecity.core.http.static_files import REVALIDATE
from safecity.core.http.static_files import send_file

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1/map", tags=["map"])
BASEMAP_PATH = "/api/v1/map/basemap.pmtiles"
TILES_PATH = "/api/v1/map/tiles/{z}/{x}/{y}"
OUTLINE_PATH = "/api/v1/map/outline.geojson"
MAX_TILE_ZOOM = 30
MAX_TILE_INDEX = (1 << MAX_TILE_ZOOM) - 1
TILE_CACHE = "public, max-age=3600"  # a replaced MBTiles file is seen within the hour


class BasemapOut(BaseModel):
    kind: Literal["none", "xyz", "pmtiles", "mbtiles"] = Field(
        description="xyz: raster tiles from `url` ({z}/{x}/{y}); pmtiles: one archive at `url` read with "
        "range requests; mbtiles: tiles of an MBTiles file served by safecity at `url` ({z}/{x}/{y}), "
        "raster or vector by `format`; none: no tiles, the outline alone."
    )
    url: str | None = Field(description="The tile URL template or the archive's URL; null for none.")
    attribution: str
    max_zoom: int = Field(description="The deepest zoom with tiles (an MBTiles file's own maxzoom).")
    format: TileFormat | None = Field(
        None,
        description="mbtiles: the tiles' format (pbf: vector tiles); null for other kinds, or when the "
        "file cannot be read (its tiles answer 404 then).",
    )
    vector_layers: list[str] = Field(
        default_factory=list, description="mbtiles with pbf tiles: the layers the tiles hold."
    )


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


@lru_cache(maxsize=8)
def _mbtiles_info(path: Path, _mtime_ns: int) -> MBTilesInfo:
    return read_info(path)


def mbtiles_info(settings: Settings) -> tuple[Path, MBTilesInfo]:
    """The configured MBTiles file and what its metadata says (read again when the file changes)."""
    basemap = settings.map.basemap
    local = Path(basemap) if basemap and basemap_kind(basemap) == "mbtiles" else None
    path = _configured_file(settings, local, "map.basemap MBTiles")
    try:
        return path, _mbtiles_info(path, path.stat().st_mtime_ns)
    except MBTilesError as exc:
        raise NotFoundError(f"map.basemap: {exc}") from exc


def _mbtiles_out(settings: Settings) -> BasemapOut:
    config = settings.map
    try:
        _, info = mbtiles_info(settings)
    except NotFoundError as exc:
        log.warning("the map has no base layer: %s", exc)
        return BasemapOut(
            kind="mbtiles", url=TILES_PATH, attribution=config.attribution, max_zoom=config.max_zoom
        )
    return BasemapOut(
        kind="mbtiles",
        url=TILES_PATH,
        attribution=config.attribution or info.attribution,
        max_zoom=info.max_zoom if info.max_zoom is not None else config.max_zoom,
        format=info.format,
        vector_layers=list(info.vector_layers),
    )


def basemap_out(settings: Settings) -> BasemapOut:
    config = settings.map
    kind = basemap_kind(config.basemap)
    url: str | None = None
    if config.basemap and kind == "mbtiles":
        return _mbtiles_out(settings)
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
    "/tiles/{z}/{x}/{y}",
    summary="One tile of the offline base map (an MBTiles file), by XYZ coordinates. Public.",
    response_class=Response,
    responses={
        200: {
            "description": "The tile as stored; a gzip-compressed vector tile has Content-Encoding: gzip",
            "content": {
                media: {} for media in ("image/png", "image/jpeg", "image/webp", "application/x-protobuf")
            },
        },
        404: {"description": "No MBTiles file is configured or readable, or it holds no tile there"},
    },
)
def tile(
    z: Annotated[int, PathParameter(ge=0, le=MAX_TILE_ZOOM, description="Zoom level")],
    x: Annotated[int, PathParameter(ge=0, le=MAX_TILE_INDEX, description="Column, from the west")],
    y: Annotated[
        int, PathParameter(ge=0, le=MAX_TILE_INDEX, description="Row, from the north (XYZ, not TMS)")
    ],
    services: ServicesDep,
) -> Response:
    path, info = mbtiles_info(services.settings)
    try:
        found = read_tile(path, info, z, x, y)
    except MBTilesError as exc:
        raise NotFoundError(f"map.basemap: {exc}") from exc
    if found is None:
        raise NotFoundError(f"the base map has no tile {z}/{x}/{y}")
    headers = {"Cache-Control": TILE_CACHE}
    if found.gzipped:
        headers["Content-Encoding"] = "gzip"
    return Response(found.data, media_type=found.media_type, headers=headers)


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
