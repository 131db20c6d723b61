"""Hotlist service: CRUD with audit entries, CSV import with per-row errors, the cached matcher."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
from sqlalchemy import select

from safecity.core.audit.models import AuditEntry
from safecity.core.audit.service import verify_chain
from safecity.core.csv_files import CsvFormatError
from safecity.core.db import Database
from safecity.vision.plates.keys import plate_key
from safecity.watchlist.vehicles import service
from safecity.watchlist.vehicles.csv_import import import_entries
from safecity.watchlist.vehicles.schemas import EntryIn
from safecity.watchlist.vehicles.schemas import EntryPatch
from safecity.watchlist.vehicles.schemas import HotlistIn
from safecity.watchlist.vehicles.schemas import HotlistPatch
from safecity.watchlist.vehicles.vocabulary import HotlistKind
from tests.watchlist.vehicles.conftest import ADMIN

NOW = datetime(2026, 5, 1, tzinfo=UTC)


def new_list(database: Database, name: str = "stolen", budget: float = 1.0) -> int:
    with database.session() as session:
        return service.create_hotlist(
            session, HotlistIn(name=name, kind=HotlistKind.STOLEN, edit_budget=budget), ADMIN
        ).id


def audit_actions(database: Database) -> list[str]:
    with database.session() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


def test_crud_is_audited_and_a_plate_is_unique_per_list(database: Database) -> None:
    hotlist_id = new_list(database)
    with database.session() as session:
        entry, created = service.upsert_entry(
            session, hotlist_id, EntryIn(plate="leb-06-5700", reason="stolen"), ADMIN
        )
        assert (created, entry.plate, entry.plate_key, entry.added_by) == (
            True,
            "LEB-06-5700",
            "LEB5700",
            "chief",
        )
        again, created = service.upsert_entry(
            session, hotlist_id, EntryIn(plate="LEB 5700", reason="stolen, armed", case_ref="FIR-7"), ADMIN
        )
        assert (created, again.id, again.case_ref) == (False, entry.id, "FIR-7")
        service.update_entry(session, hotlist_id, entry.id, EntryPatch(vehicle="white Corolla"), ADMIN)
        service.update_hotlist(session, hotlist_id, HotlistPatch(active=False), ADMIN)
        service.delete_entry(session, hotlist_id, entry.id, ADMIN)
        service.delete_hotlist(session, hotlist_id, ADMIN)
        with pytest.raises(service.HotlistNotFoundError):
            service.get_hotlist(session, hotlist_id)
    assert audit_actions(database) == [
        "hotlist.create",
        "hotlist.entry.create",
        "hotlist.entry.update",
        "hotlist.entry.update",
        "hotlist.update",
        "hotlist.entry.delete",
        "hotlist.delete",
    ]
    with database.session() as session:
        assert verify_chain(session)[1] is None


def test_duplicate_list_names_conflict(database: Database) -> None:
    new_list(database)
    with pytest.raises(service.HotlistConflictError, match="exists already"):
        new_list(database)


CSV = """plate,reason,case_ref,expires_at,vehicle
LEB-06-5700,stolen,FIR-1,2026-12-31,white Corolla
RIA-9133,,FIR-2,,
AVV-584,snatched,FIR-3,not-a-date,
LEB 5700,stolen (update),FIR-1b,,
%%%,bad plate,,,

LEA-06-1,wanted,FIR-4,2026-05-01T10:00:00,
"""


def test_csv_import_keeps_good_rows_and_names_bad_lines(database: Database) -> None:
    hotlist_id = new_list(database)
    with database.session() as session:
        report = import_entries(session, hotlist_id, CSV, ADMIN)
    assert (report.created, report.updated) == (2, 1)
    assert [(error.line, error.message.split(":")[0]) for error in report.errors] == [
        (3, "reason"),
        (4, "expires_at"),
        (6, "plate"),
    ]
    with database.session() as session:
        entries = {e.plate: e for e in service.list_entries(session, hotlist_id)}
    assert set(entries) == {"LEB 5700", "LEA-06-1"}
    assert entries["LEB 5700"].case_ref == "FIR-1b"
    assert entries["LEB 5700"].expires_at is None  # the update cleared it
    assert entries["LEA-06-1"].expires_at == datetime(2026, 5, 1, 10, tzinfo=UTC)  # naive = UTC
    assert audit_actions(database)[-1] == "hotlist.import"


def test_csv_without_the_required_columns_is_refused(database: Database) -> None:
    hotlist_id = new_list(database)
    with database.session() as session, pytest.raises(CsvFormatError, match="reason"):
        import_entries(session, hotlist_id, "plate,case\nLEB-5700,x\n", ADMIN)


def test_a_date_expiry_lasts_through_that_day() -> None:
    entry = EntryIn(plate="LEB-5700", reason="x", expires_at="2026-05-01")
    assert entry.expires_at == datetime(2026, 5, 2, tzinfo=UTC)


def test_matcher_sees_only_active_lists_and_follows_changes(database: Database) -> None:
    stolen, dormant = new_list(database), new_list(database, "old", budget=0)
    cache = service.MatcherCache()
    with database.session() as session:
        service.upsert_entry(session, stolen, EntryIn(plate="LEB-5700", reason="stolen"), ADMIN)
        service.upsert_entry(session, dormant, EntryIn(plate="LEB-5700", reason="old case"), ADMIN)
        service.update_hotlist(session, dormant, HotlistPatch(active=False), ADMIN)
    with database.session() as session:
        hits = cache.get(session).match(plate_key("LE8-5700"), NOW)
    assert [(hit.entry.list_name, hit.distance) for hit in hits] == [("stolen", 0.25)]

    with database.session() as session:
        entry = service.list_entries(session, stolen)[0]
        patch = EntryPatch(expires_at=NOW - timedelta(days=1))
        service.update_entry(session, stolen, entry.id, patch, ADMIN)
    with database.session() as session:
        assert cache.get(session).match(plate_key("LEB-5700"), NOW) == []
