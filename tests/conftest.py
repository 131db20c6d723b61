"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from safecity.core.db import Database

REPO_ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The shared test assets (models, media, data) that live beside the repository, see MANIFEST.md."""
    configured = os.environ.get("SAFECITY_SHARED_DIR")
    return Path(configured) if configured else REPO_ROOT.parent / "shared"


def shared_path(relative: str) -> Path:
    """Path of a shared asset, or skip the calling test with the reason when it is absent."""
    path = shared_dir() / relative
    if not path.exists():
        pytest.skip(f"shared asset {relative} not found under {shared_dir()} (set SAFECITY_SHARED_DIR)")
    return path


@pytest.fixture
def shared() -> Path:
    """Root of the shared assets; tests skip when it is missing."""
    root = shared_dir()
    if not root.is_dir():
        pytest.skip(f"shared assets not found at {root} (set SAFECITY_SHARED_DIR)")
    return root


POSTGRES_ADMIN_URL = os.environ.get(
    "SAFECITY_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _postgres_available() -> bool:
    import sqlalchemy

    try:
        engine = sqlalchemy.create_engine(POSTGRES_ADMIN_URL)
        with engine.connect():
            pass
        engine.dispose()
        return True
    except sqlalchemy.exc.OperationalError:
        return False


def require_service(name: str, available: bool) -> None:
    """Skip when a local service is down, unless CI demands it (SAFECITY_REQUIRE_SERVICES=1), then fail."""
    if available:
        return
    message = f"{name} is not reachable on this machine"
    if os.environ.get("SAFECITY_REQUIRE_SERVICES") == "1":
        pytest.fail(message + " and SAFECITY_REQUIRE_SERVICES=1")
    pytest.skip(message)


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database's URL, dropped afterwards (skips when PostgreSQL is down)."""
    import uuid

    import sqlalchemy

    require_service("PostgreSQL", _postgres_available())
    name = f"safecity_test_{uuid.uuid4().hex[:12]}"
    admin = sqlalchemy.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    url = (
        sqlalchemy.engine.make_url(POSTGRES_ADMIN_URL)
        .set(database=name)
        .render_as_string(hide_password=False)
    )
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    with fresh_postgres_database() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each test using it runs twice: on an embedded SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'safecity.db'}"
    else:
        yield request.getfixturevalue("postgres_url")


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A migrated, empty database on both backends."""
    from safecity.core.db import Database
    from safecity.core.schema import upgrade

    upgrade(database_url)
    db = Database(database_url)
    try:
        yield db
    finally:
        db.dispose()


FUZZ_SUMMARY = "openapi_fuzz_summary"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Figures a test reports with `record_property(FUZZ_SUMMARY, …)`, shown at the end of every run (the
    API fuzz's counts belong in the CI log, and test output is not shown from pytest-xdist's workers)."""
    reports = [*terminalreporter.stats.get("passed", []), *terminalreporter.stats.get("failed", [])]
    lines = [
        str(value)
        for report in reports
        if getattr(report, "when", "call") == "call"
        for name, value in getattr(report, "user_properties", [])
        if name == FUZZ_SUMMARY
    ]
    if lines:
        terminalreporter.write_sep("=", "OpenAPI fuzz")
        for line in lines:
            terminalreporter.write_line(line)


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """With `-n` and the default distribution, the end-to-end tests share one worker (and one demo server)."""
    if config.getoption("dist") != "load":
        return None
    from tests.support.end_to_end_together import EndToEndTogether

    return EndToEndTogether(config, log)
