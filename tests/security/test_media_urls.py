"""Media URLs (what an <img> or a WebSocket loads itself) never take a long-lived credential: an access token
as `?token=` is refused on every one of them, a short-lived media ticket opens each, and a real server's
access log line of such a request holds neither the token nor the ticket's signature."""

from __future__ import annotations

import io
import logging
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import numpy as np
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from safecity.cameras.api import live_frames
from safecity.cameras.live_frames import encode_jpeg
from safecity.core.http.services import Services
from safecity.core.log_redaction import RedactQuerySecrets
from tests.api.conftest import auth_once
from tests.api.conftest import ticket_for
from tests.api.conftest import token_for

CAMERA = "cam-media"
MEDIA_ROUTES = (
    f"/api/v1/cameras/{CAMERA}/mjpeg?frames=1",
    f"/api/v1/cameras/{CAMERA}/snapshot.jpg?width=64",
)
CLOSE_POLICY_VIOLATION = 1008


@pytest.fixture
def camera_with_picture(client: TestClient) -> TestClient:
    body = {"id": CAMERA, "name": "Media", "url": "rtsp://10.0.0.9/stream1"}
    assert client.post("/api/v1/cameras", json=body, headers=auth_once(client, "admin")).status_code == 201
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    live_frames(services).put(CAMERA, encode_jpeg(np.full((48, 64, 3), 120, np.uint8)))
    return client


@pytest.mark.parametrize("route", MEDIA_ROUTES)
def test_an_access_token_in_the_url_is_refused_and_a_media_ticket_opens_the_picture(
    camera_with_picture: TestClient, route: str
) -> None:
    client = camera_with_picture
    refused = client.get(f"{route}&token={token_for(client, 'operator')}")
    assert refused.status_code == 401
    assert "media ticket" in refused.json()["detail"]

    opened = client.get(f"{route}&ticket={ticket_for(client, 'operator')}")
    assert opened.status_code == 200
    assert b"\xff\xd8" in opened.content  # a JPEG (the snapshot, or the stream's one part)

    by_header = client.get(route, headers=auth_once(client, "operator"))  # scripts send the header
    assert by_header.status_code == 200


def test_the_live_socket_refuses_an_access_token_and_takes_a_ticket(client: TestClient) -> None:
    token = token_for(client, "operator")
    with (
        pytest.raises(WebSocketDisconnect) as closed,
        client.websocket_connect(f"/api/v1/live?token={token}&topics=camera.*") as refused,
    ):
        refused.receive_json()
    assert closed.value.code == CLOSE_POLICY_VIOLATION

    with client.websocket_connect(f"/api/v1/live?ticket={ticket_for(client, 'operator')}") as socket_:
        assert socket_.receive_json() == {"type": "live.hello", "user": "operator", "topics": [">"]}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served_with_access_log(app: FastAPI) -> Iterator[tuple[str, io.StringIO]]:
    """`app` behind a real uvicorn on a free port, its access log written (through the filter every safecity
    process installs) into the returned buffer."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.addFilter(RedactQuerySecrets())
    access_log = logging.getLogger("uvicorn.access")
    access_log.addHandler(handler)
    level = access_log.level
    access_log.setLevel(logging.INFO)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            threading.Event().wait(0.05)
        assert server.started, "uvicorn did not start"
        yield f"http://127.0.0.1:{port}", buffer
    finally:
        server.should_exit = True
        thread.join(10)
        access_log.removeHandler(handler)
        access_log.setLevel(level)


def test_the_servers_log_line_of_a_media_request_holds_no_token_and_no_ticket(
    camera_with_picture: TestClient,
) -> None:
    client = camera_with_picture
    token = token_for(client, "operator")
    ticket = ticket_for(client, "operator")
    signature = ticket.rsplit(".", 1)[1]  # what makes a ticket usable: header and claims are only base64
    with served_with_access_log(client.app) as (base_url, log):  # type: ignore[arg-type]
        snapshot = f"{base_url}/api/v1/cameras/{CAMERA}/snapshot.jpg"
        with_ticket = httpx.get(f"{snapshot}?ticket={ticket}", timeout=10)
        with_token = httpx.get(f"{snapshot}?token={token}", timeout=10)

    assert (with_ticket.status_code, with_token.status_code) == (200, 401)
    lines = log.getvalue()
    assert f"/api/v1/cameras/{CAMERA}/snapshot.jpg?ticket=[redacted]" in lines
    assert f"/api/v1/cameras/{CAMERA}/snapshot.jpg?token=[redacted]" in lines
    assert signature not in lines
    assert token.rsplit(".", 1)[1] not in lines
