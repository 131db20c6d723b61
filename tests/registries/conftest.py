"""A contract server with one record per system, and registry settings pointing at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from safecity.config.registries import RegistrySettings
from safecity.core.db import Database
from safecity.core.schema import upgrade
from tests.registries.contract_server import TOKEN
from tests.registries.contract_server import RegistryServer
from tests.registries.contract_server import running

PERSON = {
    "cnic": "3520212345671",
    "name": "Ayesha Khan",
    "father_name": "Imran Khan",
    "date_of_birth": "1990-04-12",
    "address": "12 Mall Road, Lahore",
    "photo_url": "https://nadra.example/photos/3520212345671.jpg",
}
VEHICLE = {
    "plate": "LEB-06-5700",
    "vehicle_class": "car",
    "owner_name": "Ayesha Khan",
    "owner_cnic": "35202-1234567-1",
    "make": "Suzuki",
    "model": "Cultus",
    "colour": "white",
    "status": "stolen",
}
FIR = {
    "station": "Civil Lines",
    "fir": "123-2026",
    "sections": ["PPC 379", "PPC 411"],
    "status": "under investigation",
    "registered_on": "2026-02-01",
    "accused_names": ["Bilal Ahmed"],
}


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Database]:
    """For what does not depend on the backend (the cache's table tests run on both)."""
    url = f"sqlite:///{tmp_path / 'safecity.db'}"
    upgrade(url)
    database = Database(url)
    yield database
    database.dispose()


@pytest.fixture
def registry_server() -> Iterator[RegistryServer]:
    server = RegistryServer(
        identities={"3520212345671": dict(PERSON)},
        vehicles={"LEB5700": dict(VEHICLE)},
        firs={"civil lines/123-2026": dict(FIR)},
    )
    with running(server):
        yield server


def http_settings(server: RegistryServer, **overrides: Any) -> RegistrySettings:
    """Short timeouts and waits, so failure tests take a fraction of a second."""
    values: dict[str, Any] = {
        "kind": "http",
        "base_url": server.base_url,
        "auth": {"scheme": "bearer", "token": TOKEN},
        "timeout_seconds": 0.5,
        "retries": 2,
        "retry_wait_seconds": 0.01,
        "breaker": {"failures": 3, "reset_seconds": 0.3},
    }
    values.update(overrides)
    return RegistrySettings.model_validate(values)
