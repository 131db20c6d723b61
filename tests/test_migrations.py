"""The migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from safecity.core.db import Database
from safecity.core.schema import current_revision
from safecity.core.schema import head_revision
from safecity.models import metadata


def test_upgrade_reaches_the_single_head(database: Database) -> None:
    assert current_revision(database.url) == head_revision()


def test_migrated_schema_matches_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = compare_metadata(context, metadata)
    assert differences == []
