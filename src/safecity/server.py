"""Run the API with uvicorn."""

from __future__ import annotations

import uvicorn

from safecity.app import create_app
from safecity.config import Settings
from safecity.core.logs import configure_logging


def run_server(settings: Settings, *, host: str | None = None, port: int | None = None) -> None:
    configure_logging(settings.logging.level, json_output=settings.logging.json_output)
    app = create_app(settings)
    uvicorn.run(
        app,
        host=host or settings.http.host,
        port=port or settings.http.port,
        log_config=None,
        proxy_headers=False,  # the app believes X-Forwarded-For from http.trusted_proxies only
        ws_ping_interval=20,
    )
