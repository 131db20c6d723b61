"""Driving the running app in tests: publish on its bus, wait for what the consumers make of it."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from typing import TypeVar

from fastapi.testclient import TestClient

from safecity.cameras.schemas import CameraCreate
from safecity.cameras.service import create_camera
from safecity.core.bus import Event
from safecity.core.http.services import Services

T = TypeVar("T")
DEADLINE_SECONDS = 20.0


def services_of(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services


def publish(client: TestClient, event: Event) -> None:
    client.portal.call(services_of(client).bus.publish, event)  # type: ignore[union-attr]


def eventually(read: Callable[[], T], done: Callable[[T], bool], what: str) -> T:
    """`read()` once `done` holds for it; fails naming `what` when the consumers never get there."""
    until = time.monotonic() + DEADLINE_SECONDS
    while True:
        value = read()
        if done(value):
            return value
        if time.monotonic() > until:
            raise AssertionError(f"never happened: {what} (last seen: {value!r})")
        time.sleep(0.05)


def add_camera(client: TestClient, camera_id: str, name: str) -> None:
    with services_of(client).database.session() as session:
        create_camera(session, CameraCreate(id=camera_id, name=name, url="/clips/none.mp4", enabled=False))


def alerts(client: TestClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    response = client.get("/api/v1/alerts", headers=headers)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()
    return found
