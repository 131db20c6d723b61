"""`safecity demo`: the whole stack in one process group on a fresh data directory, seeded users and units."""

from __future__ import annotations

import os
import secrets
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from safecity.cameras.samples import sample_cameras
from safecity.config import load_settings
from safecity.core.auth.permissions import Role
from safecity.core.auth.service import create_user
from safecity.core.db import Database
from safecity.core.schema import upgrade
from safecity.dispatch.units import UnitType, create_unit
from safecity.server import run_server
from safecity.video.retention import RetentionPolicy
from safecity.worker.runtime import BackgroundWorker
from safecity.worker.worker import WorkerOptions

DEMO_PASSWORD_ENV = "SAFECITY_DEMO_PASSWORD"
DEMO_USERS: tuple[tuple[str, Role, str], ...] = (
    ("admin", Role.ADMIN, "Demo Administrator"),
    ("supervisor", Role.SUPERVISOR, "Shift Supervisor"),
    ("operator", Role.OPERATOR, "Control Room Operator"),
    ("investigator", Role.INVESTIGATOR, "Investigating Officer"),
    ("traffic", Role.TRAFFIC_OFFICER, "Traffic Officer"),
    ("auditor", Role.AUDITOR, "Internal Auditor"),
)

# Police and rescue units on duty near the sample cameras, so an incident opened in the demo has units to
# recommend and dispatch: (id, callsign, type, area, latitude, longitude).
DEMO_UNITS: tuple[tuple[str, str, UnitType, str, float, float], ...] = (
    ("lhr-dolphin-11", "DLP-11", UnitType.DOLPHIN, "Gulberg", 31.5300, 74.3480),
    ("lhr-pru-3", "PRU-3", UnitType.PRU, "Walled City", 31.5830, 74.3140),
    ("lhr-rescue-7", "R1122-7", UnitType.AMBULANCE, "Model Town", 31.4800, 74.3050),
    ("lhr-fire-2", "FIRE-2", UnitType.FIRE, "Lahore", 31.5560, 74.3270),
    ("isb-patrol-1", "ISB-P1", UnitType.POLICE_PATROL, "G-7", 33.7000, 73.0700),
    ("isb-rescue-1", "ISB-R1", UnitType.AMBULANCE, "G-6", 33.6850, 73.0480),
)


def fresh_data_dir(base: Path = Path("var")) -> Path:
    return base / f"demo-{datetime.now(UTC):%Y%m%d-%H%M%S}"


def seed_users(database: Database) -> list[tuple[str, str, str]]:
    """Create the demo users; returns (username, role, password). Passwords are random unless
    SAFECITY_DEMO_PASSWORD sets one for all (used by automated tests)."""
    fixed = os.environ.get(DEMO_PASSWORD_ENV)
    created = []
    with database.session() as session:
        for username, role, full_name in DEMO_USERS:
            password = fixed or secrets.token_urlsafe(9)
            create_user(session, username, password, role.value, full_name)
            created.append((username, role.value, password))
    return created


def seed_units(database: Database) -> int:
    """Put the demo's units on duty (available, with a position); returns how many."""
    now = datetime.now(UTC)
    with database.session() as session:
        for unit_id, callsign, unit_type, area, latitude, longitude in DEMO_UNITS:
            create_unit(
                session, unit_id, callsign, unit_type, now, area=area, latitude=latitude, longitude=longitude
            )
    return len(DEMO_UNITS)


def run_demo(*, data_dir: Path | None, host: str, port: int, console: Console) -> None:
    directory = data_dir or fresh_data_dir()
    settings = load_settings(None, data_dir=directory, http={"host": host, "port": port})
    settings = settings.model_copy(update={"cameras": [*settings.cameras, *sample_cameras(directory)]})
    upgrade(settings.resolved_database_url)
    database = Database(settings.resolved_database_url)
    try:
        users = seed_users(database)
        units = seed_units(database)
    finally:
        database.dispose()
    table = Table("username", "role", "password", title="Demo users (shown once)")
    for username, role, password in users:
        table.add_row(username, role, password)
    console.print(table)
    console.print(f"{units} police and rescue units on duty near the sample cameras")
    console.print(f"data directory: {directory.resolve()}")
    console.print(f"console: http://{host}:{port}/   API docs: http://{host}:{port}/api/docs")
    worker = BackgroundWorker(
        settings, WorkerOptions(worker_id="demo", retention=RetentionPolicy(max_age_days=1))
    ).start()
    console.print(f"camera worker running {len(settings.cameras)} sample cameras")
    try:
        run_server(settings)
    finally:
        worker.stop()
