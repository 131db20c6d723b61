"""The built console: its files, and index.html for every other path the console routes itself.

Vite names what it builds under `/assets/` by content hash, so those files never change under their name:
browsers keep them a year without asking (`immutable`). Everything else (index.html, config.json, icons) is
`no-cache`: revalidated on each load, so a new console version is seen at the next reload. Text files are
sent brotli- or gzip-encoded (`static_files.send_file`). Unknown `/api` paths stay JSON 404s.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi import Request
from fastapi.responses import JSONResponse
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from safecity.core.http.error_handler import error_detail
from safecity.core.http.static_files import IMMUTABLE
from safecity.core.http.static_files import REVALIDATE
from safecity.core.http.static_files import send_file

HASHED_ASSETS = "assets"


def cache_control_for(relative: Path) -> str:
    return IMMUTABLE if relative.parts[:1] == (HASHED_ASSETS,) else REVALIDATE


def serve_console(app: FastAPI, web_dir: Path) -> None:
    """Serve the console from `web_dir`; paths that are not files fall back to index.html (client routes)."""
    root = web_dir.resolve()

    @app.exception_handler(StarletteHTTPException)
    def not_found(request: Request, exc: StarletteHTTPException) -> Response:
        path = request.url.path
        if (
            exc.status_code == 404
            and request.method in ("GET", "HEAD")
            and not path.startswith("/api")
            and root.is_dir()
        ):
            candidate = (root / path.lstrip("/")).resolve()
            if candidate.is_file() and candidate.is_relative_to(root):
                return send_file(
                    request, candidate, cache_control=cache_control_for(candidate.relative_to(root))
                )
            index = root / "index.html"
            if index.is_file() and not path.startswith(f"/{HASHED_ASSETS}/"):
                return send_file(request, index, cache_control=REVALIDATE)
        detail = error_detail(exc.status_code, exc.detail)
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)
