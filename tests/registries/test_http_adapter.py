"""The HTTP/JSON adapter against a real local server implementing docs/integrations.md: records, field
mapping, credentials, and each failure the contract allows (timeouts, 5xx, 429, bad payloads) as a clear
error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from safecity.registries.errors import RegistryBadResponseError
from safecity.registries.errors import RegistryUnavailableError
from safecity.registries.field_mapping import FieldMapping
from safecity.registries.http_adapter import HttpRegistry
from safecity.registries.interfaces import RecordT
from safecity.registries.keys import cnic_key
from safecity.registries.keys import fir_key
from safecity.registries.keys import plate_lookup_key
from safecity.registries.records import FirRecord
from safecity.registries.records import IdentityRecord
from safecity.registries.records import VehicleRecord
from safecity.registries.records import VehicleStatus
from safecity.registries.systems import RegistrySystem
from tests.registries.conftest import http_settings
from tests.registries.contract_server import BASIC_USER
from tests.registries.contract_server import TOKEN
from tests.registries.contract_server import Fault
from tests.registries.contract_server import RegistryServer

AYESHA = cnic_key("35202-1234567-1")


@pytest.fixture
def adapters() -> Iterator[list[HttpRegistry[Any]]]:
    made: list[HttpRegistry[Any]] = []
    yield made
    for adapter in made:
        adapter.close()


def adapter(
    made: list[HttpRegistry[Any]],
    server: RegistryServer,
    record: type[RecordT] = IdentityRecord,  # type: ignore[assignment]
    system: RegistrySystem = RegistrySystem.IDENTITY,
    **overrides: Any,
) -> HttpRegistry[RecordT]:
    settings = http_settings(server, **overrides)
    made.append(HttpRegistry(system, settings, FieldMapping(system, record, settings.fields)))
    return made[-1]


def test_each_system_answers_its_record(registry_server: RegistryServer, adapters: list) -> None:
    person = adapter(adapters, registry_server).fetch(AYESHA)
    vehicle = adapter(adapters, registry_server, VehicleRecord, RegistrySystem.VEHICLES).fetch(
        plate_lookup_key("leb 06 5700")
    )
    fir = adapter(adapters, registry_server, FirRecord, RegistrySystem.FIRS).fetch(
        fir_key("Civil Lines", "123/2026")
    )

    assert person is not None
    assert (person.name, person.father_name, str(person.date_of_birth)) == (
        "Ayesha Khan",
        "Imran Khan",
        "1990-04-12",
    )
    assert vehicle is not None
    assert (vehicle.owner_cnic, vehicle.status, vehicle.plate_key) == (
        "3520212345671",
        VehicleStatus.STOLEN,
        "LEB5700",
    )
    assert fir is not None
    assert (fir.sections, fir.accused_names) == (["PPC 379", "PPC 411"], ["Bilal Ahmed"])
    assert registry_server.requests == [
        "/identity/3520212345671",
        "/vehicles/LEB5700",
        "/firs/Civil Lines/123-2026",
    ]


def test_a_province_with_other_names_plugs_in_through_the_field_mapping(
    registry_server: RegistryServer, adapters: list
) -> None:
    registry_server.envelope = "citizen"
    registry_server.renamed = {"name": "fullName", "father_name": "fatherName", "cnic": "citizenNumber"}
    mapping = {
        "name": "citizen.fullName",
        "father_name": "citizen.fatherName",
        "cnic": "citizen.citizenNumber",
    }
    mapping |= {"date_of_birth": "citizen.date_of_birth", "address": "citizen.address"}

    person = adapter(adapters, registry_server, fields=mapping).fetch(AYESHA)

    assert person is not None
    assert (person.name, person.father_name, person.address) == (
        "Ayesha Khan",
        "Imran Khan",
        "12 Mall Road, Lahore",
    )
    assert person.photo_url is None  # not mapped, and not at the top level of this service's answer


def test_a_mapping_naming_an_unknown_field_is_refused_at_start() -> None:
    with pytest.raises(ValueError, match=r"registries\.identity\.fields: unknown field\(s\) \['fullname'\]"):
        FieldMapping(RegistrySystem.IDENTITY, IdentityRecord, {"fullname": "fullName"})


def test_no_such_record_is_none(registry_server: RegistryServer, adapters: list) -> None:
    assert adapter(adapters, registry_server).fetch(cnic_key("42101-1111111-1")) is None


def test_wrong_credentials_are_unavailable_naming_the_refusal(
    registry_server: RegistryServer, adapters: list
) -> None:
    wrong = adapter(adapters, registry_server, auth={"scheme": "bearer", "token": "not-the-token"})

    with pytest.raises(
        RegistryUnavailableError, match=r"refused safecity's credentials \(HTTP 401\)"
    ) as caught:
        wrong.fetch(AYESHA)
    assert "not-the-token" not in str(caught.value)


def test_the_token_can_come_from_a_file(registry_server: RegistryServer, adapters: list, tmp_path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("registry-test-token\n")

    person = adapter(adapters, registry_server, auth={"scheme": "bearer", "token_file": token_file}).fetch(
        AYESHA
    )

    assert person is not None


def test_basic_auth_with_the_password_from_a_file(
    registry_server: RegistryServer, adapters: list, tmp_path: Path
) -> None:
    password_file = tmp_path / "password"
    password_file.write_text(TOKEN)
    basic = {"scheme": "basic", "username": BASIC_USER, "password_file": password_file}

    assert adapter(adapters, registry_server, auth=basic).fetch(AYESHA) is not None


def test_a_slow_service_times_out_without_retrying(registry_server: RegistryServer, adapters: list) -> None:
    registry_server.set_fault(Fault.SLOW)

    with pytest.raises(RegistryUnavailableError, match=r"no answer within 0.5 s"):
        adapter(adapters, registry_server).fetch(AYESHA)
    assert len(registry_server.requests) == 1


def test_server_errors_and_429_are_tried_again_then_answered(
    registry_server: RegistryServer, adapters: list
) -> None:
    registry_server.set_fault(Fault.SERVER_ERROR, times=1)
    assert adapter(adapters, registry_server).fetch(AYESHA) is not None
    registry_server.set_fault(Fault.TOO_MANY, times=2)
    assert adapter(adapters, registry_server).fetch(AYESHA) is not None
    assert len(registry_server.requests) == 5  # 503 + success, 429 + 429 + success


def test_server_errors_past_the_retries_are_unavailable(
    registry_server: RegistryServer, adapters: list
) -> None:
    registry_server.set_fault(Fault.SERVER_ERROR)

    with pytest.raises(RegistryUnavailableError, match=r"the service answered HTTP 503"):
        adapter(adapters, registry_server, retries=1).fetch(AYESHA)
    assert len(registry_server.requests) == 2


def test_an_unreachable_service_is_unavailable(adapters: list) -> None:
    closed = RegistryServer(base_url="http://127.0.0.1:9")  # the discard port: nothing listens

    with pytest.raises(RegistryUnavailableError, match=r"cannot reach the service \(ConnectError\)"):
        adapter(adapters, closed, retries=0).fetch(AYESHA)


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        (Fault.NOT_JSON, r"the answer is not JSON"),
        (Fault.MISSING_FIELD, r"not a valid record \(name: Field required\)"),
        (Fault.WRONG_TYPE, r"not a valid record \(name: Input should be a valid string\)"),
        (Fault.OTHER_SUBJECT, r"the record of another subject"),
    ],
)
def test_bad_payloads_are_refused_naming_the_problem(
    registry_server: RegistryServer, adapters: list, fault: Fault, message: str
) -> None:
    registry_server.identities["4210111111111"] = {"cnic": "4210111111111", "name": "Sana Mirza"}
    registry_server.set_fault(fault)

    with pytest.raises(RegistryBadResponseError, match=message) as caught:
        adapter(adapters, registry_server).fetch(AYESHA)
    assert (caught.value.status_code, caught.value.code) == (502, "registry_bad_response")
