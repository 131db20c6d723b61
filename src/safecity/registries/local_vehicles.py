"""The `local` adapter of the vehicles system: the `challan_vehicles` table, filled from the vehicles CSV
format by `safecity challan import-registry` or `POST /api/v1/challan/registry/import`."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from safecity.core.db import utcnow
from safecity.registries.csv_records import parse_records_csv
from safecity.registries.keys import LookupKey
from safecity.registries.models import RegisteredVehicle
from safecity.registries.records import VehicleRecord

#: The record's fields the table keeps under the same name (the plate is kept as `plate_text` and `plate_key`;
#: the registration status is not kept, so a local record is always `valid`).
STORED_FIELDS = ("vehicle_class", "owner_name", "owner_cnic", "make", "model", "colour", "address")


class LocalVehicleRegistry:
    def lookup(self, session: Session, key: LookupKey) -> VehicleRecord | None:
        row = session.get(RegisteredVehicle, key.subject)
        if row is None:
            return None
        return VehicleRecord(plate=row.plate_text, **{name: getattr(row, name) for name in STORED_FIELDS})


def parse_vehicles_csv(text: str) -> list[VehicleRecord]:
    """Rows of `plate,vehicle_class,owner_name,owner_cnic[,make,model,colour,address,status]`; raises
    `RecordFileError` naming every bad line and field."""
    return parse_records_csv(text, VehicleRecord)


def import_vehicles(session: Session, records: Iterable[VehicleRecord]) -> int:
    """Insert or update the local registry; returns how many rows were written."""
    count = 0
    now = utcnow()
    for record in records:
        row = session.get(RegisteredVehicle, record.plate_key)
        if row is None:
            row = RegisteredVehicle(plate_key=record.plate_key)
            session.add(row)
        row.plate_text = record.plate_text
        for name in STORED_FIELDS:
            setattr(row, name, getattr(record, name))
        row.updated_at = now
        count += 1
    session.flush()
    return count
