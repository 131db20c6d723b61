"""Alembic environment: the URL comes from the caller (safecity.core.schema), never from an ini file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from safecity.core.db import create_db_engine
from safecity.models import metadata

config = context.config
# Several API nodes starting at once on one PostgreSQL database: one migrates, the others wait for it and then
# find nothing left to do (any fixed number; the lock lasts for the migration's transaction).
MIGRATION_LOCK_KEY = 0x5AFEC17_0001


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"), target_metadata=metadata, literal_binds=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = create_db_engine(str(config.get_main_option("sqlalchemy.url")))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
