"""The vault notices tampering: one byte of a stored file, one custody row, item metadata, a cut-off chain."""

from __future__ import annotations

import json

from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy import update

from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.evidence import custody
from safecity.evidence import vault
from safecity.evidence.custody import CustodyAction
from safecity.evidence.integrity import verify_vault
from safecity.evidence.models import CustodyEntry
from safecity.evidence.models import EvidenceItem
from tests.evidence.conftest import INVESTIGATOR
from tests.evidence.conftest import collect


def _seed(database: Database, media: MediaStore) -> tuple[int, int]:
    with database.session() as session:
        case = vault.create_case(session, "CASE-2026-001", "Robbery at Blue Area", INVESTIGATOR)
        first = collect(session, media, b"snapshot one", suffix=".jpg", kind="snapshot", case_id=case.id)
        second = collect(session, media, b"document two", suffix=".pdf", kind="document", case_id=case.id)
        custody.record(session, first, CustodyAction.VIEWED, INVESTIGATOR, purpose="identify the suspect")
        return first.id, second.id


def _problems(database: Database, media: MediaStore) -> list[str]:
    with database.session() as session:
        return verify_vault(session, media).problems


def test_an_untouched_vault_verifies(database: Database, media: MediaStore) -> None:
    _seed(database, media)
    with database.session() as session:
        report = verify_vault(session, media)
    assert report.ok, report.problems
    assert (report.items, report.files, report.custody_entries) == (2, 2, 3)


def test_custody_starts_with_collection_and_records_who_and_why(
    database: Database, media: MediaStore
) -> None:
    first, _ = _seed(database, media)
    with database.session() as session:
        entries = custody.chain(session, first)
    assert [e.action for e in entries] == ["collected", "viewed"]
    assert entries[1].purpose == "identify the suspect"
    assert entries[1].actor == "ivan"
    assert json.loads(entries[0].details)["metadata"]["sha256"] == vault.get_item(session, first).sha256


def test_one_altered_byte_of_a_stored_file_is_named(database: Database, media: MediaStore) -> None:
    first, _ = _seed(database, media)
    with database.session() as session:
        sha = vault.get_item(session, first).sha256
    path = media.path(sha)
    data = bytearray(path.read_bytes())
    data[3] ^= 0x01
    path.write_bytes(bytes(data))
    problems = _problems(database, media)
    assert problems == [f"item {first}: file {path} was altered (sha256 differs)"]


def test_one_altered_custody_row_is_named(database: Database, media: MediaStore) -> None:
    first, _ = _seed(database, media)
    with database.session() as session:
        session.execute(
            update(CustodyEntry)
            .where(CustodyEntry.item_id == first, CustodyEntry.seq == 2)
            .values(purpose="routine check")
        )
    problems = _problems(database, media)
    assert problems == [f"item {first} custody entry 2 (viewed): contents were altered (hash differs)"]


def test_a_deleted_last_custody_row_is_noticed(database: Database, media: MediaStore) -> None:
    first, _ = _seed(database, media)
    with database.session() as session:
        session.execute(delete(CustodyEntry).where(CustodyEntry.item_id == first, CustodyEntry.seq == 2))
    assert _problems(database, media) == [f"item {first} custody: 1 entries but the item records 2"]


def test_edited_item_metadata_is_named(database: Database, media: MediaStore) -> None:
    _, second = _seed(database, media)
    with database.session() as session:
        session.execute(update(EvidenceItem).where(EvidenceItem.id == second).values(camera_id="cam-9"))
    assert _problems(database, media) == [f"item {second}: metadata altered since collection (camera_id)"]


def test_a_missing_file_is_named(database: Database, media: MediaStore) -> None:
    _, second = _seed(database, media)
    with database.session() as session:
        sha = session.scalar(select(EvidenceItem.sha256).where(EvidenceItem.id == second))
    media.delete(str(sha))
    assert _problems(database, media) == [
        f"item {second}: file with sha256 {sha} is missing from the media store"
    ]
