"""`safecity demo`: the whole stack in one process group on a fresh data directory, with seeded users,
units, a vehicle hotlist, a face watchlist and registered vehicles, the sample cameras and a synthetic
traffic camera. Without a configured `map.outline` the demo writes a schematic one of its own area (districts,
zones and streets around its cameras), so its map is more than a dark rectangle with dots.

The detector model is fetched in the background when it is missing (the worker swaps it in once installed);
offline, the demo says how to import it and runs motion-only meanwhile (docs/demo.md).
"""

from __future__ import annotations

import json
import os
import secrets
import threading
from datetime import UTC
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from safecity.cameras.samples import sample_cameras
from safecity.cameras.samples_outline import schematic_outline
from safecity.cameras.traffic_sample import CARS
from safecity.cameras.traffic_sample import HOTLIST_PLATE
from safecity.cameras.traffic_sample import traffic_camera
from safecity.config import CameraSettings
from safecity.config import Settings
from safecity.config import load_settings
from safecity.core.audit.actors import Actor
from safecity.core.auth.permissions import Role
from safecity.core.auth.service import create_user
from safecity.core.db import Database
from safecity.core.schema import upgrade
from safecity.dispatch.units import UnitType
from safecity.dispatch.units import create_unit
from safecity.faces.vocabulary import SubjectCategory
from safecity.faces.watchlist.schemas import SubjectIn
from safecity.faces.watchlist.service import create_subject
from safecity.registries.local_vehicles import import_vehicles
from safecity.registries.records import VehicleRecord
from safecity.server import run_server
from safecity.video.retention import RetentionPolicy
from safecity.vision.models import DEFAULT_DETECTOR
from safecity.vision.models import ModelRegistry
from safecity.vision.models import ModelRegistryError
from safecity.watchlist.vehicles.schemas import EntryIn
from safecity.watchlist.vehicles.schemas import HotlistIn
from safecity.watchlist.vehicles.service import create_hotlist
from safecity.watchlist.vehicles.service import upsert_entry
from safecity.watchlist.vehicles.vocabulary import HotlistKind
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
    ("lhr-dolphin-14", "DLP-14", UnitType.DOLPHIN, "Mall Road", 31.5650, 74.3190),
    ("lhr-rescue-9", "R1122-9", UnitType.AMBULANCE, "Mall Road", 31.5600, 74.3140),
)
SEED_ACTOR = Actor(username="demo-seed", role="system")
DEMO_HOTLIST = "Demo stolen vehicles"
# A watchlist subject with no face enrolled: the demo ships no real person's face (enrol one in the console).
DEMO_SUBJECT = SubjectIn(
    id="demo-subject-1",
    name="Demo subject (no face enrolled)",
    category=SubjectCategory.PERSON_OF_INTEREST,
    legal_authority="Demo data: not a real person",
    reason="Shows the face watchlist; add a photo to match sightings",
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


def seed_watchlists(database: Database) -> None:
    """A vehicle hotlist holding one of the traffic camera's plates, a face watchlist subject without a
    face, and the traffic camera's cars in the vehicle registry (so their violations reach validation)."""
    with database.session() as session:
        hotlist = create_hotlist(
            session,
            HotlistIn(name=DEMO_HOTLIST, kind=HotlistKind.STOLEN, description="Seeded by safecity demo"),
            SEED_ACTOR,
        )
        upsert_entry(
            session,
            hotlist.id,
            EntryIn(plate=HOTLIST_PLATE, reason="Reported stolen (demo data)", vehicle="red sedan"),
            SEED_ACTOR,
        )
        create_subject(session, DEMO_SUBJECT, SEED_ACTOR)
        import_vehicles(
            session,
            [
                VehicleRecord(
                    plate=car.plate_text,
                    vehicle_class="car",
                    owner_name=f"Demo Owner {index + 1}",
                    owner_cnic=f"3520200000{index:02d}1",
                )
                for index, car in enumerate(CARS)
            ],
        )


def write_demo_outline(data_dir: Path, cameras: list[CameraSettings]) -> Path:
    """The demo area's schematic outline (`cameras/samples_outline.py`), written under data_dir/maps."""
    path = (
        data_dir / "maps" / "demo-outline.geojson"
    ).resolve()  # a relative one would be read under data_dir
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(schematic_outline(cameras), ensure_ascii=False, indent=1))
    return path


def fetch_detector(models_dir: Path, console: Console) -> threading.Thread | None:
    """Fetch the default detector in the background when it is not installed (the worker swaps it in);
    None when it is installed already."""
    registry = ModelRegistry(models_dir)
    if registry.path(DEFAULT_DETECTOR) is not None:
        console.print(f"detector: {DEFAULT_DETECTOR} installed")
        return None

    def fetch() -> None:
        try:
            registry.fetch(DEFAULT_DETECTOR, timeout=30.0)
        except ModelRegistryError as error:
            console.print(f"[yellow]detector not fetched[/yellow] ({error})")
            print_import_help(models_dir, console)
            return
        console.print(f"detector: {DEFAULT_DETECTOR} fetched; the cameras switch to it within seconds")

    console.print(f"detector: fetching {DEFAULT_DETECTOR} in the background (cameras track motion meanwhile)")
    thread = threading.Thread(target=fetch, name="demo-model-fetch", daemon=True)
    thread.start()
    return thread


def print_import_help(models_dir: Path, console: Console) -> None:
    console.print(
        "No detector model: the cameras track moving objects without classes. To add one offline, copy "
        "yolox_nano.onnx (https://github.com/Megvii-BaseDetection/YOLOX/releases, Apache-2.0) here and run\n"
        f"  safecity models import yolox_nano.onnx --name {DEFAULT_DETECTOR} --format yolox "
        f"--licence Apache-2.0 --models-dir {models_dir.resolve()}\n"
        f"or, with internet access: safecity models fetch {DEFAULT_DETECTOR} "
        f"--models-dir {models_dir.resolve()}\n"
        "The running demo picks the model up within seconds, without a restart."
    )


def demo_address(in_force: Settings) -> str:
    return f"http://{in_force.http.host}:{in_force.http.port}"


def demo_settings(in_force: Settings, cameras: list[CameraSettings]) -> Settings:
    """The settings in force plus the demo's cameras, its address on ticket pages and QR codes, and — when no
    `map.outline` is configured — a schematic outline of its area, through the key a deployment uses."""
    outline = in_force.map.outline or write_demo_outline(in_force.data_dir, cameras)
    settings = load_settings(
        None,
        data_dir=in_force.data_dir,
        http={"host": in_force.http.host, "port": in_force.http.port},
        challan={"public_base_url": demo_address(in_force)},
        map={**in_force.map.model_dump(exclude_unset=True), "outline": outline},
    )
    return settings.model_copy(update={"cameras": [*settings.cameras, *cameras]})


def run_demo(
    *, data_dir: Path | None, host: str, port: int, console: Console, fetch_model: bool = True
) -> None:
    # The environment (SAFECITY_DATA_DIR, SAFECITY_HTTP__PORT, …) outranks the options: read what is in force
    # first, so that the folder seeded, the address printed and the one on tickets are the server's own.
    in_force = load_settings(None, data_dir=data_dir or fresh_data_dir(), http={"host": host, "port": port})
    directory = in_force.data_dir
    address = demo_address(in_force)
    settings = demo_settings(in_force, [*sample_cameras(directory), traffic_camera(directory)])
    upgrade(settings.resolved_database_url)
    database = Database(settings.resolved_database_url)
    try:
        users = seed_users(database)
        units = seed_units(database)
        seed_watchlists(database)
    finally:
        database.dispose()
    table = Table("username", "role", "password", title="Demo users (shown once)")
    for username, role, password in users:
        table.add_row(username, role, password)
    console.print(table)
    console.print(f"{units} police and rescue units on duty near the sample cameras")
    console.print(
        f"hotlist {DEMO_HOTLIST!r} holds {HOTLIST_PLATE} (it passes the traffic camera every 30 s); "
        "a face watchlist subject without a face"
    )
    console.print(f"data directory: {directory.resolve()}")
    if settings.map.outline != in_force.map.outline:
        console.print(
            f"map: a schematic outline of the demo area (districts, zones, streets): {settings.map.outline}"
        )
    console.print(f"console: {address}/   API docs: {address}/api/docs")
    if fetch_model:
        fetch_detector(settings.models_dir, console)
    elif ModelRegistry(settings.models_dir).path(DEFAULT_DETECTOR) is None:
        print_import_help(settings.models_dir, console)
    worker = BackgroundWorker(
        settings, WorkerOptions(worker_id="demo", retention=RetentionPolicy(max_age_days=1))
    ).start()
    console.print(f"camera worker running {len(settings.cameras)} sample cameras")
    try:
        run_server(settings)
    finally:
        worker.stop()
