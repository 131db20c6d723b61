"""The local vehicle table answers every field it was imported with (the registration status excepted: it is
not kept), and a second import of the same plate updates the row."""

from __future__ import annotations

from safecity.core.db import Database
from safecity.registries.keys import plate_lookup_key
from safecity.registries.local_vehicles import LocalVehicleRegistry
from safecity.registries.local_vehicles import import_vehicles
from safecity.registries.records import VehicleRecord
from safecity.registries.records import VehicleStatus
from tests.registries.conftest import VEHICLE


def test_an_imported_vehicle_is_answered_with_all_its_fields(sqlite_database: Database) -> None:
    record = VehicleRecord.model_validate({**VEHICLE, "address": "12 Mall Road, Lahore"})
    with sqlite_database.session() as session:
        assert import_vehicles(session, [record]) == 1
    with sqlite_database.session() as session:
        answered = LocalVehicleRegistry().lookup(session, plate_lookup_key("LEB-06-5700"))

    assert answered == record.model_copy(update={"status": VehicleStatus.VALID})


def test_a_second_import_updates_the_row(sqlite_database: Database) -> None:
    first = VehicleRecord.model_validate(VEHICLE)
    second = first.model_copy(update={"owner_name": "Bilal Ahmed", "colour": None})
    with sqlite_database.session() as session:
        import_vehicles(session, [first])
    with sqlite_database.session() as session:
        import_vehicles(session, [second])
    with sqlite_database.session() as session:
        answered = LocalVehicleRegistry().lookup(session, plate_lookup_key("LEB-06-5700"))

    assert answered is not None
    assert (answered.owner_name, answered.colour, answered.make) == ("Bilal Ahmed", None, "Suzuki")
