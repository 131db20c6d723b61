"""Schema migrations (Alembic) driven from code, for `safecity db upgrade`, the app start and tests."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError

from safecity.core.db import create_db_engine
from safecity.core.errors import SafecityError

MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "migrations"
# Migrations 0001 to 0024 were squashed into one before the first release; this commit still has them all.
LAST_COMMIT_WITH_EVERY_MIGRATION = "a77644b"


class UnknownRevisionError(SafecityError):
    """The database's schema revision is none of this version's: older than the squash, or newer."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            f"the database is at schema revision {revision!r}, which this version of safecity does not know. "
            f"If it is older than {first_revision()!r} (migrations up to it were squashed into one), "
            f"bring it there first with safecity at git commit {LAST_COMMIT_WITH_EVERY_MIGRATION} "
            "(`safecity db upgrade`), then upgrade again with this version; if it is newer, the database "
            "belongs to a newer safecity."
        )
        self.revision = revision


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Brings the schema to `revision`; a database at a revision this version does not know is refused."""
    current = current_revision(database_url)
    if current is not None and not _is_known(current):
        raise UnknownRevisionError(current)
    command.upgrade(alembic_config(database_url), revision)


def current_revision(database_url: str) -> str | None:
    engine = create_db_engine(database_url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def head_revision() -> str | None:
    return _scripts().get_current_head()


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config("sqlite://"))


def _is_known(revision: str) -> bool:
    try:
        return _scripts().get_revision(revision) is not None
    except CommandError:
        return False


def first_revision() -> str:
    return str(_scripts().get_base())
