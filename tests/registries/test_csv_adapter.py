"""The file adapter: batch loads of records in the documented CSV formats, every bad row named by line and
field, the file read again when it changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from safecity.core.db import Database
from safecity.registries.csv_adapter import CsvRegistry
from safecity.registries.csv_records import RecordFileError
from safecity.registries.csv_records import parse_records_csv
from safecity.registries.errors import RegistryUnavailableError
from safecity.registries.keys import cnic_key
from safecity.registries.keys import fir_key
from safecity.registries.local_vehicles import parse_vehicles_csv
from safecity.registries.records import FirRecord
from safecity.registries.records import IdentityRecord
from safecity.registries.systems import RegistrySystem

IDENTITIES = """cnic,name,father_name,date_of_birth,address
35202-1234567-1,Ayesha Khan,Imran Khan,1990-04-12,"12 Mall Road, Lahore"
4210111111111,Sana Mirza,,,
"""
FIRS = """station,fir,sections,status,registered_on,accused_names
Civil Lines,123/2026,PPC 379; PPC 411,under investigation,2026-02-01,Bilal Ahmed; Kamran Ali
"""


@pytest.fixture
def session() -> Iterator[Session]:
    database = Database("sqlite://")  # the file adapter reads no table; lookups take a session all the same
    with database.session() as open_session:
        yield open_session
    database.dispose()


def test_records_are_looked_up_by_their_key(tmp_path: Path, session: Session) -> None:
    (tmp_path / "identity.csv").write_text(IDENTITIES)
    (tmp_path / "firs.csv").write_text(FIRS)
    identities = CsvRegistry(RegistrySystem.IDENTITY, tmp_path / "identity.csv", IdentityRecord)
    firs = CsvRegistry(RegistrySystem.FIRS, tmp_path / "firs.csv", FirRecord)

    ayesha = identities.lookup(session, cnic_key("3520212345671"))
    sana = identities.lookup(session, cnic_key("42101-1111111-1"))
    fir = firs.lookup(session, fir_key("civil  lines", "123-2026"))

    assert ayesha is not None
    assert (ayesha.name, ayesha.address) == ("Ayesha Khan", "12 Mall Road, Lahore")
    assert sana is not None
    assert sana.father_name is None
    assert fir is not None
    assert (fir.sections, fir.accused_names) == (["PPC 379", "PPC 411"], ["Bilal Ahmed", "Kamran Ali"])
    assert identities.lookup(session, cnic_key("1111111111111")) is None


def test_every_bad_row_is_named_by_line_and_field() -> None:
    text = IDENTITIES + "3520212345,Too Short,,,\n35202-7654321-3,,,,\n35202-7654321-3,Dated,,12/04/1990,\n"

    with pytest.raises(RecordFileError) as caught:
        parse_records_csv(text, IdentityRecord)

    first, second, third = caught.value.problems
    assert first == "line 4: cnic: CNIC must be 13 digits, e.g. 35202-1234567-1"
    assert second == "line 5: name: Field required"
    assert third.startswith("line 6: date_of_birth: Input should be a valid date")


def test_a_header_without_the_required_columns_is_refused() -> None:
    with pytest.raises(RecordFileError, match=r"the CSV header lacks column\(s\) vehicle_class, owner_cnic"):
        parse_vehicles_csv("plate,owner_name\nLEB-5700,X\n")


def test_a_file_with_errors_makes_the_registry_unavailable_naming_them(
    tmp_path: Path, session: Session
) -> None:
    path = tmp_path / "identity.csv"
    path.write_text("cnic,name\n123,Someone\n")
    identities = CsvRegistry(RegistrySystem.IDENTITY, path, IdentityRecord)

    with pytest.raises(
        RegistryUnavailableError, match=r"identity.csv has errors: line 2: cnic: CNIC must be 13 digits"
    ):
        identities.lookup(session, cnic_key("3520212345671"))


def test_a_missing_file_makes_the_registry_unavailable(tmp_path: Path, session: Session) -> None:
    identities = CsvRegistry(RegistrySystem.IDENTITY, tmp_path / "absent.csv", IdentityRecord)

    with pytest.raises(
        RegistryUnavailableError, match=r"cannot read .*absent.csv: No such file or directory"
    ):
        identities.lookup(session, cnic_key("3520212345671"))


def test_a_changed_file_is_read_again(tmp_path: Path, session: Session) -> None:
    path = tmp_path / "identity.csv"
    path.write_text(IDENTITIES)
    identities = CsvRegistry(RegistrySystem.IDENTITY, path, IdentityRecord)
    assert identities.lookup(session, cnic_key("3520299999991")) is None

    path.write_text(IDENTITIES + "35202-9999999-1,New Person,,,\n")

    found = identities.lookup(session, cnic_key("3520299999991"))
    assert found is not None
    assert found.name == "New Person"
