"""Vehicle registry: the adapter interface (Excise & Taxation in production) and the built-in local registry.

A registry answers "which vehicle and owner carry this plate". `vehicle_matches` says whether what the camera
saw (car, motorcycle ...) fits the registered class, so fake or swapped plates show up.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session

from safecity.challan.models import RegisteredVehicle
from safecity.core.db import utcnow
from safecity.vision.plates.keys import plate_key

CNIC = re.compile(r"^\d{5}-?\d{7}-?\d$")

# Which registered classes each detector class may be (a camera sees a "car", the registry says "jeep").
DETECTED_AS: dict[str, frozenset[str]] = {
    "car": frozenset({"car", "jeep", "suv", "van", "taxi"}),
    "motorcycle": frozenset({"motorcycle", "scooter", "rickshaw"}),
    "bus": frozenset({"bus", "minibus", "coaster", "van"}),
    "truck": frozenset({"truck", "pickup", "van", "trailer", "tanker"}),
}
CSV_COLUMNS = ("plate", "vehicle_class", "owner_name", "owner_cnic")
OPTIONAL_COLUMNS = ("make", "model", "colour", "address")


class RegistryError(ValueError):
    """A registry row or file is invalid; the message names the line and the field."""


def normalize_cnic(value: str) -> str:
    """`35202-1234567-1` or `3520212345671` → 13 digits; ValueError otherwise."""
    text = value.strip()
    if not CNIC.match(text):
        raise ValueError("CNIC must be 13 digits, e.g. 35202-1234567-1")
    return text.replace("-", "")


@dataclass(frozen=True, slots=True)
class RegistryRecord:
    plate_key: str
    plate_text: str
    vehicle_class: str
    owner_name: str
    owner_cnic: str
    make: str | None = None
    model: str | None = None
    colour: str | None = None
    address: str | None = None


class VehicleRegistry(Protocol):
    """Look a plate key up (series + number, see `safecity.vision.plates.keys.plate_key`). Remote adapters
    (the Excise & Taxation web service) ignore `session`; the local registry reads its table through it."""

    def lookup(self, session: Session, key: str) -> RegistryRecord | None: ...


def vehicle_matches(detected_class: str | None, registered_class: str) -> bool:
    """False only when the camera clearly saw another kind of vehicle than the one registered."""
    if not detected_class or detected_class not in DETECTED_AS:
        return True
    return (
        registered_class.lower() in DETECTED_AS[detected_class] or registered_class.lower() == detected_class
    )


class LocalRegistry:
    """The embedded default: the `challan_vehicles` table, filled by `safecity challan import-registry`."""

    def lookup(self, session: Session, key: str) -> RegistryRecord | None:
        row = session.get(RegisteredVehicle, key)
        if row is None:
            return None
        return RegistryRecord(
            plate_key=row.plate_key,
            plate_text=row.plate_text,
            vehicle_class=row.vehicle_class,
            owner_name=row.owner_name,
            owner_cnic=row.owner_cnic,
            make=row.make,
            model=row.model,
            colour=row.colour,
            address=row.address,
        )


def parse_registry_csv(text: str) -> list[RegistryRecord]:
    """Rows of `plate,vehicle_class,owner_name,owner_cnic[,make,model,colour,address]` with a header line."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [column for column in CSV_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise RegistryError(f"the CSV header lacks column(s) {', '.join(missing)}")
    records: list[RegistryRecord] = []
    for line, row in enumerate(reader, start=2):
        records.append(_record(row, line))
    return records


def _record(row: dict[str, str | None], line: int) -> RegistryRecord:
    def value(column: str) -> str:
        return (row.get(column) or "").strip()

    for column in CSV_COLUMNS:
        if not value(column):
            raise RegistryError(f"line {line}: {column} is empty")
    try:
        key = plate_key(value("plate"))
        cnic = normalize_cnic(value("owner_cnic"))
    except ValueError as error:
        raise RegistryError(f"line {line}: {error}") from error
    optional = {column: value(column) or None for column in OPTIONAL_COLUMNS}
    return RegistryRecord(
        plate_key=key.key,
        plate_text=value("plate").upper(),
        vehicle_class=value("vehicle_class").lower(),
        owner_name=value("owner_name"),
        owner_cnic=cnic,
        **optional,
    )


def import_records(session: Session, records: Iterable[RegistryRecord]) -> int:
    """Insert or update the local registry; returns how many rows were written."""
    count = 0
    now = utcnow()
    for record in records:
        row = session.get(RegisteredVehicle, record.plate_key)
        if row is None:
            row = RegisteredVehicle(plate_key=record.plate_key)
            session.add(row)
        row.plate_text = record.plate_text
        row.vehicle_class = record.vehicle_class
        row.owner_name = record.owner_name
        row.owner_cnic = record.owner_cnic
        row.make, row.model, row.colour, row.address = (
            record.make,
            record.model,
            record.colour,
            record.address,
        )
        row.updated_at = now
        count += 1
    session.flush()
    return count
