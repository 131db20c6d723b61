"""CNICs at rest: sealed with a key outside the database, never in the database file in clear; shown masked,
revealed only to a role with `persons.reveal_identity` that states a purpose, and every reveal audited."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from safecity.config import Settings
from safecity.config import load_settings
from safecity.core.audit.models import AuditEntry
from safecity.core.db import Database
from safecity.poi.identity import KEY_FILE
from safecity.poi.identity import IdentityCipher
from safecity.poi.identity import IdentityKeyError
from safecity.poi.identity import identity_key
from tests.poi.conftest import CNIC
from tests.poi.conftest import CNIC_DIGITS
from tests.poi.conftest import PURPOSE
from tests.poi.conftest import create
from tests.poi.conftest import headers


def audit_entries(settings: Settings, action: str) -> list[AuditEntry]:
    database = Database(settings.resolved_database_url)
    try:
        with database.session() as session:
            query = select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq)
            entries = list(session.scalars(query))
            session.expunge_all()
            return entries
    finally:
        database.dispose()


def test_the_database_file_never_holds_a_cnic_in_clear(client: TestClient, settings: Settings) -> None:
    if not settings.resolved_database_url.startswith("sqlite"):
        pytest.skip("reads the SQLite database file's bytes")
    created = create(client)
    path = f"/api/v1/persons/{created['id']}"
    change = {"cnic": "61101-7654321-9", "reason": "CNIC corrected from NADRA record"}
    assert client.patch(path, json=change, headers=headers(client)).status_code == 200
    create(client, name="Second Record", cnic=CNIC_DIGITS)  # the same CNIC given bare
    revealed = client.post(f"{path}/reveal-cnic", headers=headers(client, "investigator"))
    assert revealed.json()["cnic"] == "61101-7654321-9"

    database_file = Path(settings.resolved_database_url.removeprefix("sqlite:///"))
    files = [p for p in database_file.parent.glob(database_file.name + "*") if p.is_file()]
    stored = b"".join(p.read_bytes() for p in files)
    assert len(stored) > 100_000  # the database and its write-ahead log were read
    for cnic in (CNIC, CNIC_DIGITS, "61101-7654321-9", "6110176543219"):
        assert cnic.encode() not in stored, cnic
        assert cnic.encode("utf-16-le") not in stored, cnic


def test_the_same_cnic_seals_differently_but_hashes_the_same() -> None:
    cipher = IdentityCipher(bytes(range(32)))
    first, second = cipher.seal(CNIC_DIGITS), cipher.seal(CNIC_DIGITS)
    assert first != second  # a fresh nonce each time: equal CNICs are not equal ciphertexts
    assert cipher.open(first) == cipher.open(second) == CNIC_DIGITS
    assert cipher.lookup_hash(CNIC_DIGITS) == cipher.lookup_hash(CNIC_DIGITS)
    assert cipher.lookup_hash(CNIC_DIGITS) != cipher.lookup_hash("6110176543219")


def test_another_key_cannot_open_a_sealed_cnic() -> None:
    sealed = IdentityCipher(bytes(32)).seal(CNIC_DIGITS)
    with pytest.raises(IdentityKeyError, match="not the one used"):
        IdentityCipher(bytes([1] * 32)).open(sealed)


def test_the_key_comes_from_the_settings_or_a_key_file_made_once(tmp_path: Path) -> None:
    configured = base64.b64encode(bytes(range(32))).decode()
    from_env = load_settings(None, data_dir=tmp_path, persons={"identity_key": configured})
    assert identity_key(from_env) == bytes(range(32))
    assert not (tmp_path / KEY_FILE).exists()

    from_file = load_settings(None, data_dir=tmp_path)
    made = identity_key(from_file)
    assert (tmp_path / KEY_FILE).stat().st_mode & 0o777 == 0o600
    assert identity_key(from_file) == made  # read back, not made again

    bad = load_settings(None, data_dir=tmp_path, persons={"identity_key": "c2hvcnQ="})
    with pytest.raises(IdentityKeyError, match=r"persons\.identity_key must be 32 bytes"):
        identity_key(bad)


def test_revealing_a_cnic_needs_the_permission_and_a_purpose_and_is_audited(
    client: TestClient, settings: Settings
) -> None:
    created = create(client)
    path = f"/api/v1/persons/{created['id']}/reveal-cnic"

    assert client.post(path, headers=headers(client, "operator")).status_code == 403
    no_purpose = client.post(path, headers=headers(client, "investigator", purpose=False))
    assert no_purpose.status_code == 422
    assert no_purpose.json()["detail"][0]["loc"] == ["query", "purpose"]

    revealed = client.post(path, headers=headers(client, "investigator"))
    assert revealed.status_code == 200, revealed.text
    assert revealed.json() == {"person_id": created["id"], "cnic": CNIC}

    [entry] = audit_entries(settings, "persons.reveal_cnic")
    assert (entry.actor, entry.purpose) == ("investigator", PURPOSE["X-Safecity-Purpose"])
    assert entry.object_id == path


def test_every_record_read_is_audited_with_its_purpose(client: TestClient, settings: Settings) -> None:
    created = create(client)
    client.get(f"/api/v1/persons/{created['id']}", headers=headers(client, "operator"))
    client.get("/api/v1/persons", params={"q": "imran"}, headers=headers(client, "operator"))
    client.get(f"/api/v1/persons/{created['id']}/timeline", headers=headers(client, "operator"))

    for action in ("persons.read", "persons.list", "persons.timeline"):
        [entry] = audit_entries(settings, action)
        assert (entry.actor, entry.purpose) == ("operator", PURPOSE["X-Safecity-Purpose"]), action
    [created_entry] = audit_entries(settings, "person.create")
    assert CNIC_DIGITS not in str(created_entry.details)
