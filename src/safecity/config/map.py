"""The `map:` section of safecity.yaml: the console's base layer and the city outline drawn under it.

`basemap` is one of:

- an XYZ tile URL template, `https://tiles.example.org/{z}/{x}/{y}.png` (a WMTS REST template in the
  Web Mercator tile matrix set may use `{TileMatrix}`/`{TileCol}`/`{TileRow}` instead);
- a PMTiles archive: a path ending in `.pmtiles` (relative to `data_dir`, or absolute) that safecity serves
  itself with HTTP range requests, or an `https://` URL of one;
- an MBTiles file: a path ending in `.mbtiles` (relative to `data_dir`, or absolute; an SQLite file of raster
  or vector tiles) whose tiles safecity serves one by one at `/api/v1/map/tiles/{z}/{x}/{y}`;
- nothing (the default): no tiles; the console draws `outline` alone.

`outline` is a GeoJSON file the deployment provides (city boundary, districts, main roads), relative to
`data_dir` or absolute; the console draws it as thin lines (polygons faintly filled) above any base layer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel
from pydantic import Field
from pydantic import field_validator

WMTS_PLACEHOLDERS = {"{TileMatrix}": "{z}", "{TileCol}": "{x}", "{TileRow}": "{y}"}
XYZ_PLACEHOLDERS = ("{z}", "{x}", "{y}")

BasemapKind = Literal["none", "xyz", "pmtiles", "mbtiles"]
ARCHIVE_SUFFIXES: dict[str, BasemapKind] = {".pmtiles": "pmtiles", ".mbtiles": "mbtiles"}


def xyz_template(url: str) -> str:
    """The URL with WMTS placeholders written as XYZ ones (MapLibre's spelling)."""
    for wmts, xyz in WMTS_PLACEHOLDERS.items():
        url = url.replace(wmts, xyz)
    return url


def basemap_kind(basemap: str | None) -> BasemapKind:
    if not basemap:
        return "none"
    location = basemap.split("?", 1)[0].lower()
    return next((kind for suffix, kind in ARCHIVE_SUFFIXES.items() if location.endswith(suffix)), "xyz")


def is_remote(location: str) -> bool:
    return location.startswith(("http://", "https://"))


class MapSettings(BaseModel):
    basemap: str | None = Field(
        None,
        description="XYZ/WMTS tile URL template, a .pmtiles file (under data_dir, served by safecity with "
        "range requests) or an https:// URL of one, or an .mbtiles file (under data_dir, its tiles served by "
        "safecity); empty: no base tiles, the outline alone.",
    )
    attribution: str = Field("", description="Credit shown in the map's corner for the base layer.")
    max_zoom: int = Field(19, ge=0, le=24, description="The deepest zoom the base layer offers.")
    outline: Path | None = Field(
        None,
        description="GeoJSON (city boundary, districts, roads) drawn on the map, relative to data_dir or "
        "absolute; the base layer when `basemap` is empty.",
    )

    @field_validator("basemap")
    @classmethod
    def _a_template_or_archive(cls, basemap: str | None) -> str | None:
        if not basemap:
            return None
        kind = basemap_kind(basemap)
        if kind == "pmtiles":
            return basemap
        if kind == "mbtiles":
            if is_remote(basemap):
                raise ValueError(f"{basemap!r}: an MBTiles file must be on this server's disk, not a URL")
            return basemap
        if not is_remote(basemap):
            raise ValueError(
                f"{basemap!r} is neither an http(s) tile URL template nor a .pmtiles or .mbtiles file"
            )
        template = xyz_template(basemap)
        missing = [p for p in XYZ_PLACEHOLDERS if p not in template and "{quadkey}" not in template]
        if missing and "{bbox-epsg-3857}" not in template:
            raise ValueError(f"tile URL template {basemap!r} lacks {', '.join(missing)}")
        return basemap

    @field_validator("outline")
    @classmethod
    def _geojson(cls, outline: Path | None) -> Path | None:
        if outline is not None and outline.suffix.lower() not in (".geojson", ".json"):
            raise ValueError(f"{outline} is not a GeoJSON file (.geojson or .json)")
        return outline
