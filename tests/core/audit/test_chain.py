"""The audit log is append-only and hash-chained: any change to any row is found and named."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
from sqlalchemy import text

from safecity.core.audit.service import AuditRecord
from safecity.core.audit.service import append
from safecity.core.audit.service import verify_chain
from safecity.core.db import Database

COLUMNS = {
    "time": "'2001-01-01 00:00:00'",
    "actor": "'mallory'",
    "role": "'admin'",
    "action": "'nothing.happened'",
    "object_type": "'nothing'",
    "object_id": "'x'",
    "purpose": "'covering tracks'",
    "case_ref": "'FIR-0'",
    "client_address": "'10.9.9.9'",
    "details": "'{}'",
    "prev_hash": "'" + "1" * 64 + "'",
    "hash": "'" + "2" * 64 + "'",
}


def record_five(database: Database) -> None:
    start = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    with database.session() as session:
        for index in range(5):
            append(
                session,
                AuditRecord(
                    actor=f"user{index}",
                    role="operator",
                    action="plate.search",
                    object_type="personal_data",
                    object_id=f"/api/v1/plates/{index}",
                    purpose="theft investigation",
                    case_ref="FIR-123",
                    client_address="127.0.0.1",
                    details={"query": {"plate": f"LEB-{index}"}},
                ),
                time=start + timedelta(minutes=index),
            )


def test_an_untouched_chain_verifies(database: Database) -> None:
    record_five(database)
    with database.session() as session:
        assert verify_chain(session) == (5, None)


def test_an_empty_log_verifies(database: Database) -> None:
    with database.session() as session:
        assert verify_chain(session) == (0, None)


@pytest.mark.parametrize("column", sorted(COLUMNS))
def test_changing_any_column_of_one_row_is_found_at_that_row(database: Database, column: str) -> None:
    record_five(database)
    with database.engine.begin() as connection:
        # The column name and literal come from the fixed table above, never from input.
        connection.execute(text(f"UPDATE audit_log SET {column} = {COLUMNS[column]} WHERE seq = 3"))  # noqa: S608
    with database.session() as session:
        checked, problem = verify_chain(session)
    assert problem is not None
    assert problem.seq == 3
    assert checked == 2
    assert "entry 3" in problem.reason


def test_a_deleted_row_is_reported_as_missing(database: Database) -> None:
    record_five(database)
    with database.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq = 2"))
    with database.session() as session:
        _, problem = verify_chain(session)
    assert problem is not None
    assert problem.seq == 2
    assert "missing" in problem.reason


def test_renumbering_a_row_breaks_the_chain(database: Database) -> None:
    record_five(database)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET seq = 30 WHERE seq = 3"))
    with database.session() as session:
        _, problem = verify_chain(session)
    assert problem is not None
    assert problem.seq == 3


def test_an_append_after_a_rollback_leaves_no_gap(database: Database) -> None:
    record_five(database)

    def failing_action() -> None:
        with database.session() as session:
            append(session, AuditRecord(actor="a", role="operator", action="never.committed"))
            raise RuntimeError("the action failed, so its audit entry is rolled back with it")

    with pytest.raises(RuntimeError):
        failing_action()
    with database.session() as session:
        append(session, AuditRecord(actor="a", role="operator", action="committed"))
    with database.session() as session:
        assert verify_chain(session) == (6, None)
