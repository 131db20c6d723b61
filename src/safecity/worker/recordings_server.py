"""The worker's recordings endpoint: API nodes fetch finished segments from the disk of the worker that
recorded them (`GET /recordings/{camera_id}/{start_ms}.mp4`), so no shared volume is needed.

Only holders of the cluster's recordings key (`cameras.worker_recordings.recordings_key`, derived from
`auth.jwt_secret`) are served; the file is looked up in the worker's own segment index by camera and start,
never built from the request's path, and a segment still being written is not in that index.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Generator
from urllib.parse import urlsplit

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse
from starlette.responses import PlainTextResponse
from starlette.responses import Response
from starlette.routing import Route

from safecity.cameras.worker_recordings import RECORDINGS_KEY_HEADER
from safecity.cameras.worker_recordings import is_recordings_key
from safecity.config import Settings
from safecity.video.segment_store import SegmentStore
from safecity.video.segment_store import check_camera_id

log = logging.getLogger(__name__)


def recordings_app(settings: Settings, store: SegmentStore) -> Starlette:
    async def segment(request: Request) -> Response:
        if not is_recordings_key(settings, request.headers.get(RECORDINGS_KEY_HEADER)):
            return PlainTextResponse("a valid recordings key is required", status_code=401)
        camera_id: str = request.path_params["camera_id"]
        start_ms: int = request.path_params["start_ms"]
        try:
            check_camera_id(camera_id)
        except ValueError:
            return PlainTextResponse("no such recording", status_code=404)
        at = start_ms / 1000
        for found in store.segments(camera_id, at, at + 0.001):
            if round(found.start * 1000) == start_ms:
                return FileResponse(found.path, media_type="video/mp4")
        return PlainTextResponse("no such recording", status_code=404)

    return Starlette(routes=[Route("/recordings/{camera_id}/{start_ms:int}.mp4", segment)])


class _QuietServer(uvicorn.Server):
    """Leaves signals to the worker, which stops the server itself."""

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield


def listen_address(address: str) -> tuple[str, int]:
    """Where to listen for `--address`: its port, on its host when that is a literal IP, else on all."""
    parts = urlsplit(address)
    if parts.scheme != "http" or parts.port is None or parts.hostname is None:
        raise ValueError(f"worker address {address!r} must look like http://host:port")
    host = parts.hostname
    literal_ip = host.replace(".", "").isdigit() or ":" in host
    return (host if literal_ip else "0.0.0.0", parts.port)


async def serve_recordings(
    settings: Settings, store: SegmentStore, address: str, stop: asyncio.Event
) -> None:
    """Serve the recordings endpoint until `stop` is set."""
    host, port = listen_address(address)
    config = uvicorn.Config(
        recordings_app(settings, store), host=host, port=port, log_level="warning", lifespan="off"
    )
    server = _QuietServer(config)
    serving = asyncio.create_task(_serve(server, address))
    log.info("recordings served at %s (listening on %s:%d)", address, host, port)
    stopping = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({serving, stopping}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopping.cancel()
        server.should_exit = True
        await serving


async def _serve(server: uvicorn.Server, address: str) -> None:
    """uvicorn exits the process when it cannot listen; a worker keeps recording and says why it cannot
    serve."""
    try:
        await server.serve()
    except SystemExit:
        log.error("cannot listen at %s: this worker's recordings cannot be played by other nodes", address)
