"""Persons-of-interest fixtures: the API client of tests/api, a purpose header and a record to start from."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import auth_once, client, settings  # noqa: F401 - fixtures reused by these tests

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


def headers(client: TestClient, user: str = "supervisor", *, purpose: bool = True) -> dict[str, str]:
    return {**auth_once(client, user), **(PURPOSE if purpose else {})}


def create(client: TestClient, **changes: Any) -> dict[str, Any]:
    response = client.post("/api/v1/persons", json=record(**changes), headers=headers(client))
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created
