"""Persons-of-interest fixtures: the API client of tests/api, a purpose header and a record to start from."""

from __future__ import annotations

from datetime import date
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from safecity.core.http.services import Services
from safecity.faces.runtime import face_watchlist
from tests.api.conftest import auth_once
from tests.api.conftest import client  # noqa: F401 - fixtures reused by these tests
from tests.api.conftest import settings  # noqa: F401 - fixtures reused by these tests
from tests.faces.support import use_cached_pipelines

PURPOSE = {"X-Safecity-Purpose": "tracing FIR 123/2026 Model Town"}
CNIC = "35202-1234567-1"
CNIC_DIGITS = "3520212345671"


def record(**changes: Any) -> dict[str, Any]:
    """A proclaimed offender with an FIR, a CNIC and dates well in the future."""
    body: dict[str, Any] = {
        "name": "Imran Khan",
        "aliases": ["Imran Butt", "IK"],
        "father_name": "Ikramullah Khan",
        "date_of_birth": "1985-04-12",
        "cnic": CNIC,
        "status": "proclaimed_offender",
        "legal_basis": "Court order 88/2026, Sessions Court Lahore",
        "legal_basis_expires": (date.today() + timedelta(days=365)).isoformat(),
        "review_date": (date.today() + timedelta(days=90)).isoformat(),
        "firs": [{"number": "123/2026", "police_station": "Model Town"}],
    }
    return {**body, **changes}


def headers(http: TestClient, user: str = "supervisor", *, purpose: bool = True) -> dict[str, str]:
    return {**auth_once(http, user), **(PURPOSE if purpose else {})}


def create(http: TestClient, **changes: Any) -> dict[str, Any]:
    response = http.post("/api/v1/persons", json=record(**changes), headers=headers(http))
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


@pytest.fixture
def api(client: TestClient) -> TestClient:  # noqa: F811 - the fixture imported above
    """The client, its face watchlist analysing each shared photo once per test session."""
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    use_cached_pipelines(face_watchlist(services))
    return client


def add_photo(http: TestClient, person_id: int, image: bytes) -> Any:
    files = {"photo": ("photo.jpg", image, "image/jpeg")}
    return http.post(f"/api/v1/persons/{person_id}/photos", files=files, headers=headers(http))
