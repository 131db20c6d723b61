"""Files sent as they are on disk, gzip-compressed when they are text and the client accepts it.

Compressed bodies are kept in memory per (file, modification time, size), so a hashed console asset is
compressed once per process. Binary files (images, PMTiles archives) go through `FileResponse` untouched,
which also answers HTTP range requests.
"""

from __future__ import annotations

import gzip
import mimetypes
from functools import lru_cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response

COMPRESSIBLE_SUFFIXES = frozenset(
    {".js", ".mjs", ".css", ".html", ".json", ".geojson", ".svg", ".map", ".txt", ".webmanifest", ".xml"}
)
MIN_COMPRESSED_BYTES = 1024  # below this the gzip header costs more than it saves
MAX_COMPRESSED_BYTES = 64 * 1024 * 1024  # larger files are sent as they are (no memory spike)

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

mimetypes.add_type("application/geo+json", ".geojson")
mimetypes.add_type("text/javascript", ".mjs")


def accepts_gzip(request: Request) -> bool:
    for part in request.headers.get("accept-encoding", "").split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*") and params.replace(" ", "") not in ("q=0", "q=0.0"):
            return True
    return False


@lru_cache(maxsize=128)
def _gzipped(path: str, _mtime_ns: int, _size: int) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


def send_file(request: Request, path: Path, *, cache_control: str, media_type: str | None = None) -> Response:
    """`path` with `cache_control`; gzip-encoded when it is text worth compressing and the client takes it."""
    stat = path.stat()
    compressible = (
        path.suffix.lower() in COMPRESSIBLE_SUFFIXES
        and MIN_COMPRESSED_BYTES <= stat.st_size <= MAX_COMPRESSED_BYTES
    )
    headers = {"Cache-Control": cache_control}
    if compressible:
        headers["Vary"] = "Accept-Encoding"
    if compressible and accepts_gzip(request) and "range" not in request.headers:
        body = _gzipped(str(path), stat.st_mtime_ns, stat.st_size)
        media = media_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if media.startswith("text/") or media.endswith(("javascript", "json")):
            media = f"{media}; charset=utf-8"
        headers["Content-Encoding"] = "gzip"
        return Response(body, media_type=media, headers=headers)
    return FileResponse(path, media_type=media_type, headers=headers, stat_result=stat)
