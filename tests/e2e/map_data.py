"""The e2e server's map: a city outline (GeoJSON) and a one-tile raster PMTiles base map, written at start
(nothing downloaded), and MBTiles files made the same way. A tile is one flat colour, so a screenshot shows
where the base map was drawn."""

from __future__ import annotations

import json
import sqlite3
import struct
import zlib
from collections.abc import Mapping
from contextlib import closing
from pathlib import Path

# West, south, east, north: a box around the demo's Lahore cameras (Kalma, Liberty and Azadi Chowk).
OUTLINE_BOX = (73.95, 31.25, 74.60, 31.75)
TILE_RGB = (24, 60, 40)


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A flat-colour 8-bit RGB PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def pmtiles_one_tile(tile: bytes, tile_type: int = 2) -> bytes:
    """A PMTiles v3 archive holding one tile at z0 (type 2: PNG), nothing compressed (compression 1: none)."""
    # Root directory: 1 entry; tile id 0, run length 1, its length, offset + 1.
    directory = _varint(1) + _varint(0) + _varint(1) + _varint(len(tile)) + _varint(1)
    metadata = b"{}"
    root_offset = 127
    metadata_offset = root_offset + len(directory)
    data_offset = metadata_offset + len(metadata)
    header = b"PMTiles" + struct.pack(
        "<BQQQQQQQQQQQBBBBBBiiiiBii",
        3,
        root_offset,
        len(directory),
        metadata_offset,
        len(metadata),
        0,
        0,
        data_offset,
        len(tile),
        1,
        1,
        1,
        1,  # clustered
        1,  # internal compression: none
        1,  # tile compression: none
        tile_type,
        0,  # min zoom
        0,  # max zoom
        -180_0000000,
        -85_0000000,
        180_0000000,
        85_0000000,
        0,
        0,
        0,
    )
    assert len(header) == 127
    return header + directory + metadata + tile


def write_mbtiles(
    path: Path, tiles: Mapping[tuple[int, int, int], bytes], tile_format: str, **metadata: str
) -> Path:
    """An MBTiles file holding `tiles` by XYZ (z, x, y), stored in TMS rows as the specification has them."""
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        connection.execute(
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)"
        )
        zooms = [z for z, _, _ in tiles]
        described = {"name": path.stem, "format": tile_format, "minzoom": str(min(zooms))}
        described |= {"maxzoom": str(max(zooms)), **metadata}
        connection.executemany("INSERT INTO metadata VALUES (?, ?)", described.items())
        connection.executemany(
            "INSERT INTO tiles VALUES (?, ?, ?, ?)",
            [(z, x, (1 << z) - 1 - y, data) for (z, x, y), data in tiles.items()],
        )
    return path


def outline_geojson() -> dict[str, object]:
    west, south, east, north = OUTLINE_BOX
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "Lahore"},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        ],
    }


def write_map_files(folder: Path) -> dict[str, str]:
    """Writes the outline and the base map into `folder`; returns the settings naming them (environment)."""
    folder.mkdir(parents=True, exist_ok=True)
    basemap = folder / "base.pmtiles"
    basemap.write_bytes(pmtiles_one_tile(png(256, 256, TILE_RGB)))
    outline = folder / "outline.geojson"
    outline.write_text(json.dumps(outline_geojson()))
    return {"SAFECITY_MAP__BASEMAP": str(basemap), "SAFECITY_MAP__OUTLINE": str(outline)}
