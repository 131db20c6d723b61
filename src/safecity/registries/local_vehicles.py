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


class LocalVehicleRegistry:
    def lookup(self, session: Session, key: LookupKey) -> VehicleRecord | None:
        row = session.get(RegisteredVehicle, key.subject)
        if row is None:
            return None
        return VehicleRecord(
            plate=row.plate_text,
            vehicle_class=row.vehicle_class,
            owner_name=row.owner_name,
            owner_cnic=row.owner_cnic,
            make=row.make,
            model=row.model,
            colour=row.colour,
            address=row.address,
        )


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
