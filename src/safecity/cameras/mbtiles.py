"""Reading an MBTiles file (https://github.com/mapbox/mbtiles-spec): an SQLite database of map tiles.

Its `metadata` table names the tiles' `format` (png, jpg, webp, or pbf for vector tiles, usually
gzip-compressed) and, for vector tiles, their layers (`json` → `vector_layers`); `tiles` holds one row per
tile with its row in TMS order, counted from the south, so the XYZ row `y` the browser asks for is row
`2^z - 1 - y`. The file is opened read-only for each read (SQLite opens in microseconds), so a replaced file
is seen at the next tile.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

TileFormat = Literal["png", "jpg", "webp", "pbf"]
FORMAT_ALIASES: dict[str, TileFormat] = {
    "png": "png",
    "jpg": "jpg",
    "jpeg": "jpg",
    "webp": "webp",
    "pbf": "pbf",
}
MEDIA_TYPES: dict[TileFormat, str] = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "webp": "image/webp",
    "pbf": "application/x-protobuf",
}
GZIP_MAGIC = b"\x1f\x8b"


class MBTilesError(ValueError):
    """The file is not a usable MBTiles file (not SQLite, no tiles table, an unknown format)."""


@dataclass(frozen=True, slots=True)
class MBTilesInfo:
    format: TileFormat
    vector_layers: tuple[str, ...]  # empty for raster tiles
    min_zoom: int | None
    max_zoom: int | None
    attribution: str


@dataclass(frozen=True, slots=True)
class Tile:
    data: bytes
    media_type: str
    gzipped: bool  # a vector tile stored gzip-compressed: sent as it is, with Content-Encoding: gzip


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise MBTilesError(f"{path} does not exist")
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _zoom(value: str | None) -> int | None:
    return int(value) if value is not None and value.strip().isdigit() else None


def read_info(path: Path) -> MBTilesInfo:
    try:
        with closing(_connect(path)) as connection:
            metadata = dict(connection.execute("SELECT name, value FROM metadata").fetchall())
    except sqlite3.Error as exc:
        raise MBTilesError(f"{path} is not an MBTiles file: {exc}") from exc
    tile_format = FORMAT_ALIASES.get(str(metadata.get("format", "")).lower())
    if tile_format is None:
        raise MBTilesError(
            f"{path}: metadata format {metadata.get('format')!r} is none of {', '.join(FORMAT_ALIASES)}"
        )
    layers: tuple[str, ...] = ()
    if tile_format == "pbf":
        try:
            described = json.loads(metadata.get("json") or "{}")
        except json.JSONDecodeError as exc:
            raise MBTilesError(f"{path}: metadata json is not JSON ({exc})") from exc
        layers = tuple(str(layer["id"]) for layer in described.get("vector_layers", []) if "id" in layer)
    return MBTilesInfo(
        format=tile_format,
        vector_layers=layers,
        min_zoom=_zoom(metadata.get("minzoom")),
        max_zoom=_zoom(metadata.get("maxzoom")),
        attribution=str(metadata.get("attribution") or ""),
    )


def read_tile(path: Path, info: MBTilesInfo, z: int, x: int, y: int) -> Tile | None:
    """The tile at XYZ `z/x/y`, or None when the file has none there."""
    try:
        with closing(_connect(path)) as connection:
            row = connection.execute(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                (z, x, (1 << z) - 1 - y),
            ).fetchone()
    except sqlite3.Error as exc:
        raise MBTilesError(f"{path} is not an MBTiles file: {exc}") from exc
    if row is None:
        return None
    data = bytes(row[0])
    return Tile(data=data, media_type=MEDIA_TYPES[info.format], gzipped=data[:2] == GZIP_MAGIC)
