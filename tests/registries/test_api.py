"""/api/v1/registries on a real app whose identity registry is the local contract server, its vehicles the
local table and its FIR system a CSV file: status, purpose-bound audited lookups, 422 naming the field, 404,
503 with a stable code."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from safecity.app import create_app
from safecity.config import Settings
from safecity.config import load_settings
from safecity.core.audit.models import AuditEntry
from safecity.core.auth.models import User
from safecity.core.auth.permissions import Role
from safecity.core.db import Database
from safecity.core.schema import upgrade
from safecity.registries.local_vehicles import import_vehicles
from safecity.registries.local_vehicles import parse_vehicles_csv
from tests.api.conftest import _PASSWORD_HASH
from tests.api.conftest import auth_once
from tests.registries.contract_server import TOKEN
from tests.registries.contract_server import Fault
from tests.registries.contract_server import RegistryServer

FIRS_CSV = "station,fir,sections,status,registered_on\nCivil Lines,123-2026,PPC 379,registered,2026-02-01\n"
VEHICLES_CSV = "plate,vehicle_class,owner_name,owner_cnic\nLEB-06-5700,car,Ayesha Khan,35202-1234567-1\n"
PURPOSE = {"purpose": "investigating FIR 123/2026"}


@pytest.fixture
def settings(tmp_path: Path, registry_server: RegistryServer) -> Settings:
    firs = tmp_path / "firs.csv"
    firs.write_text(FIRS_CSV)
    identity = {
        "kind": "http",
        "base_url": registry_server.base_url,
        "auth": {"scheme": "bearer", "token": TOKEN},
        "timeout_seconds": 0.5,
        "retries": 0,
        "breaker": {"failures": 1, "reset_seconds": 60},
    }
    return load_settings(
        None,
        data_dir=tmp_path / "data",
        database_url=f"sqlite:///{tmp_path / 'safecity.db'}",
        registries={"identity": identity, "firs": {"kind": "csv", "file": str(firs)}},
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    upgrade(settings.resolved_database_url)
    database = Database(settings.resolved_database_url)
    with database.session() as session:
        session.add_all(User(username=r.value, role=r.value, password_hash=_PASSWORD_HASH) for r in Role)
        import_vehicles(session, parse_vehicles_csv(VEHICLES_CSV))
    database.dispose()
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def get(client: TestClient, path: str, user: str = "investigator", **params: Any) -> Any:
    return client.get(path, params={**PURPOSE, **params}, headers=auth_once(client, user))


def test_each_system_reports_its_adapter_and_state(client: TestClient) -> None:
    response = client.get("/api/v1/registries", headers=auth_once(client, "supervisor"))

    assert response.status_code == 200
    states = {row["system"]: (row["kind"], row["configured"], row["state"]) for row in response.json()}
    assert states == {
        "identity": ("http", True, "available"),
        "vehicles": ("local", True, "available"),
        "firs": ("csv", True, "available"),
    }


def test_lookups_answer_each_systems_record(client: TestClient) -> None:
    person = get(client, "/api/v1/registries/identity/35202-1234567-1")
    vehicle = get(client, "/api/v1/registries/vehicles/LEB-06-5700")
    fir = get(client, "/api/v1/registries/firs/Civil Lines/123-2026")

    assert (person.status_code, person.json()["name"]) == (200, "Ayesha Khan")
    assert (vehicle.status_code, vehicle.json()["owner_cnic"]) == (200, "3520212345671")
    assert (fir.status_code, fir.json()["sections"]) == (200, ["PPC 379"])


def test_a_lookup_is_audited_naming_user_subject_and_purpose(client: TestClient, settings: Settings) -> None:
    get(client, "/api/v1/registries/identity/35202-1234567-1", case_ref="FIR 123/2026")

    database = Database(settings.resolved_database_url)
    with database.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "registries.identity.lookup")
        ).one()
    database.dispose()
    assert (entry.actor, entry.role) == ("investigator", "investigator")
    assert entry.purpose == PURPOSE["purpose"]
    assert entry.case_ref == "FIR 123/2026"
    assert json.loads(entry.details)["path_params"] == {"cnic": "35202-1234567-1"}


def test_a_lookup_needs_a_purpose_and_the_permission(client: TestClient) -> None:
    no_purpose = client.get(
        "/api/v1/registries/identity/3520212345671", headers=auth_once(client, "investigator")
    )
    operator = get(client, "/api/v1/registries/identity/3520212345671", user="operator")

    assert no_purpose.status_code == 422
    assert no_purpose.json()["detail"][0]["loc"] == ["query", "purpose"]
    assert operator.status_code == 403


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/api/v1/registries/identity/35202-12345", "cnic"),
        ("/api/v1/registries/vehicles/---", "plate"),
        ("/api/v1/registries/firs/Civil Lines/123", "fir"),
        ("/api/v1/registries/firs/@@/123-2026", "station"),
    ],
)
def test_malformed_keys_are_422_naming_the_field(client: TestClient, path: str, field: str) -> None:
    response = get(client, path)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", field]


def test_no_such_record_is_404(client: TestClient) -> None:
    for path in (
        "/api/v1/registries/identity/4210111111111",
        "/api/v1/registries/vehicles/RIA-9133",
        "/api/v1/registries/firs/Civil Lines/999-2026",
    ):
        assert get(client, path).status_code == 404, path


def test_an_unavailable_registry_is_503_with_a_stable_code_at_once_and_the_rest_keeps_working(
    client: TestClient, registry_server: RegistryServer
) -> None:
    registry_server.set_fault(Fault.SERVER_ERROR)
    failed = get(client, "/api/v1/registries/identity/3520212345671")  # opens the circuit (failures: 1)
    asked = len(registry_server.requests)

    refused = get(client, "/api/v1/registries/identity/3520212345671")
    status = client.get("/api/v1/registries", headers=auth_once(client, "supervisor")).json()

    assert failed.status_code == 503
    assert refused.status_code == 503
    body = refused.json()
    assert body["code"] == "registry_unavailable"
    assert body["system"] == "identity"
    assert body["since"] is not None
    assert body["last_error"] == "the service answered HTTP 503"
    assert body["detail"].startswith("the identity registry is unavailable: circuit open")
    assert len(registry_server.requests) == asked  # refused without asking the service
    identity = next(row for row in status if row["system"] == "identity")
    assert (identity["state"], identity["circuit"]) == ("unavailable", "open")
    assert get(client, "/api/v1/registries/vehicles/LEB-06-5700").status_code == 200


def test_a_bad_payload_is_502_registry_bad_response(
    client: TestClient, registry_server: RegistryServer
) -> None:
    registry_server.set_fault(Fault.MISSING_FIELD)

    response = get(client, "/api/v1/registries/identity/3520212345671")

    assert response.status_code == 502
    assert response.json()["code"] == "registry_bad_response"
    assert "name: Field required" in response.json()["detail"]
