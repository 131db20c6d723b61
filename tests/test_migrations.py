"""The migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine
from sqlalchemy import inspect
from sqlalchemy import text

from safecity.core.db import Database
from safecity.core.schema import LAST_COMMIT_WITH_EVERY_MIGRATION
from safecity.core.schema import UnknownRevisionError
from safecity.core.schema import current_revision
from safecity.core.schema import first_revision
from safecity.core.schema import head_revision
from safecity.core.schema import upgrade
from safecity.models import metadata


def test_upgrade_reaches_the_single_head(database: Database) -> None:
    assert current_revision(database.url) == head_revision()


def test_migrated_schema_matches_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_the_squashed_baseline_keeps_the_last_squashed_revision_id() -> None:
    """A database already at 0024 before the squash has nothing to do after it."""
    assert first_revision() == "0024_persons_merge_cooccurrence"


def test_a_database_at_a_squashed_revision_is_refused_with_the_way_forward(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
        connection.execute(text("INSERT INTO alembic_version VALUES ('0013_event_index')"))

    with pytest.raises(UnknownRevisionError) as refused:
        upgrade(url)

    assert "'0013_event_index'" in str(refused.value)
    assert f"git commit {LAST_COMMIT_WITH_EVERY_MIGRATION}" in str(refused.value)
    assert inspect(engine).get_table_names() == ["alembic_version"]
    engine.dispose()
