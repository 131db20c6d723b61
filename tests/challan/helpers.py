"""Events and registry rows for e-challan tests."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlalchemy import select

from safecity.anpr.events import PlateReadEvent
from safecity.challan.consumer import handle_event
from safecity.challan.models import Ticket
from safecity.challan.models import Violation
from safecity.challan.runtime import ChallanRuntime
from safecity.challan.runtime import build_runtime
from safecity.config.challan import ChallanSettings
from safecity.core.bus import Event
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.registries.local_vehicles import import_vehicles
from safecity.registries.local_vehicles import parse_vehicles_csv

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
REGISTRY_CSV = """plate,vehicle_class,owner_name,owner_cnic,make,colour
LEB-06-5700,car,Ayesha Khan,35202-1234567-1,Suzuki,white
RIA-9133,motorcycle,Bilal Ahmed,35202-7654321-3,Honda,red
AVV-584,car,Sana Mirza,42101-1111111-1,Toyota,grey
"""


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def rule_event(
    kind: str = "red_light",
    camera: str = "cam-1",
    seconds: float = 0.0,
    track_id: int = 1,
    object_class: str = "car",
    **payload: Any,
) -> Event:
    return Event(
        type=f"rule.{kind}",
        time=at(seconds),
        camera_id=camera,
        source="worker:test",
        payload={"rule": "stop-1", "track_id": track_id, "object_class": object_class, **payload},
    )


def plate_read(
    text: str, camera: str = "cam-1", seconds: float = 0.0, track_id: int | None = 1, confidence: float = 0.95
) -> PlateReadEvent:
    return PlateReadEvent(
        time=at(seconds),
        camera_id=camera,
        text=text,
        matched=True,
        confidence=confidence,
        track_id=None if track_id is None else str(track_id),
        crop_sha256="c" * 64,
    )


def make_runtime(tmp_path: Path, **settings: Any) -> ChallanRuntime:
    return build_runtime(ChallanSettings(**settings), MediaStore(tmp_path / "media"))


def load_registry(database: Database) -> None:
    with database.session() as session:
        import_vehicles(session, parse_vehicles_csv(REGISTRY_CSV))


def feed(database: Database, runtime: ChallanRuntime, *events: Event) -> list[Event]:
    produced: list[Event] = []
    for event in events:
        produced.extend(handle_event(database, runtime, event))
    return produced


def violations(database: Database) -> list[Violation]:
    with database.session() as session:
        return list(session.scalars(select(Violation).order_by(Violation.occurred_at)))


def ticket_count(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count(Ticket.id))) or 0)
