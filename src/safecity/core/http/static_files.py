"""Files sent as they are on disk, brotli- or gzip-encoded when they are text and the client accepts it.

The console's build writes each text file's encodings beside it (`index-3f2a.js.br`, `.gz`: Vite's
compression plugin, brotli at its best quality); those are sent when they are at least as new as the file.
Any other text file (a deployment's outline GeoJSON, a console built without them) is compressed here,
once per (file, modification time, size) and kept in memory. Binary files (images, PMTiles archives) go
through `FileResponse` untouched, which also answers HTTP range requests.
"""

from __future__ import annotations

import gzip
import mimetypes
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Literal

import brotli
from starlette.requests import Request
from starlette.responses import FileResponse
from starlette.responses import Response

COMPRESSIBLE_SUFFIXES = frozenset(
    {".js", ".mjs", ".css", ".html", ".json", ".geojson", ".svg", ".map", ".txt", ".webmanifest", ".xml"}
)
MIN_COMPRESSED_BYTES = 1024  # below this the encoding's header costs more than it saves
MAX_COMPRESSED_BYTES = 64 * 1024 * 1024  # larger files are sent as they are (no memory spike)

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

Coding = Literal["br", "gzip"]
# Best first: brotli's output is smaller than gzip's for the same text.
PREFERRED_CODINGS: tuple[Coding, ...] = ("br", "gzip")
PRECOMPRESSED_SUFFIX: dict[Coding, str] = {"br": ".br", "gzip": ".gz"}
# Compressing on a request: brotli quality 5 is about as fast as gzip 6 and still smaller.
_COMPRESS: dict[Coding, Callable[[bytes], bytes]] = {
    "br": lambda data: brotli.compress(data, quality=5),
    "gzip": lambda data: gzip.compress(data, compresslevel=6, mtime=0),
}

mimetypes.add_type("application/geo+json", ".geojson")
mimetypes.add_type("text/javascript", ".mjs")


def accepted_codings(accept_encoding: str) -> set[str]:
    """The content codings an `Accept-Encoding` header allows (`*` stands for any; `q=0` refuses one)."""
    accepted = set()
    for part in accept_encoding.split(","):
        coding, _, params = part.strip().partition(";")
        if coding and params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            accepted.add(coding.strip().lower())
    return accepted


def preferred_coding(request: Request) -> Coding | None:
    accepted = accepted_codings(request.headers.get("accept-encoding", ""))
    return next((c for c in PREFERRED_CODINGS if c in accepted or "*" in accepted), None)


@lru_cache(maxsize=128)
def _encoded(path: str, coding: Coding, mtime_ns: int, _size: int) -> bytes:
    precompressed = Path(path + PRECOMPRESSED_SUFFIX[coding])
    if precompressed.is_file() and precompressed.stat().st_mtime_ns >= mtime_ns:
        return precompressed.read_bytes()
    return _COMPRESS[coding](Path(path).read_bytes())


def send_file(request: Request, path: Path, *, cache_control: str, media_type: str | None = None) -> Response:
    """`path` with `cache_control`; brotli- or gzip-encoded when it is text worth compressing and the client
    takes that coding (brotli first)."""
    stat = path.stat()
    compressible = (
        path.suffix.lower() in COMPRESSIBLE_SUFFIXES
        and MIN_COMPRESSED_BYTES <= stat.st_size <= MAX_COMPRESSED_BYTES
    )
    headers = {"Cache-Control": cache_control}
    if compressible:
        headers["Vary"] = "Accept-Encoding"
    coding = preferred_coding(request) if compressible and "range" not in request.headers else None
    if coding is not None:
        body = _encoded(str(path), coding, stat.st_mtime_ns, stat.st_size)
        media = media_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if media.startswith("text/") or media.endswith(("javascript", "json")):
            media = f"{media}; charset=utf-8"
        headers["Content-Encoding"] = coding
        return Response(body, media_type=media, headers=headers)
    return FileResponse(path, media_type=media_type, headers=headers, stat_result=stat)
