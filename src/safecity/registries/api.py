"""/api/v1/registries: the national systems' state and purpose-bound, audited lookups."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from fastapi import Path

from safecity.core.auth.permissions import Permission
from safecity.core.errors import NotFoundError
from safecity.core.http.access import PersonalDataAccess
from safecity.core.http.access import personal_data_read
from safecity.core.http.deps import ServicesDep
from safecity.core.http.security import require
from safecity.core.http.services import Services
from safecity.registries.guarded import GuardedRegistry
from safecity.registries.interfaces import RecordT
from safecity.registries.keys import LookupKey
from safecity.registries.keys import cnic_key
from safecity.registries.keys import fir_key
from safecity.registries.keys import plate_lookup_key
from safecity.registries.records import FirRecord
from safecity.registries.records import IdentityRecord
from safecity.registries.records import VehicleRecord
from safecity.registries.runtime import RegistriesRuntimeDep
from safecity.registries.schemas import LOOKUP_ERRORS
from safecity.registries.schemas import RegistryStatusOut

router = APIRouter(prefix="/api/v1/registries", tags=["registries"])

IdentityLookup = Annotated[
    PersonalDataAccess, personal_data_read(Permission.REGISTRIES_LOOKUP, "registries.identity.lookup")
]
VehicleLookup = Annotated[
    PersonalDataAccess, personal_data_read(Permission.REGISTRIES_LOOKUP, "registries.vehicle.lookup")
]
FirLookup = Annotated[
    PersonalDataAccess, personal_data_read(Permission.REGISTRIES_LOOKUP, "registries.fir.lookup")
]


@router.get(
    "",
    response_model=list[RegistryStatusOut],
    summary="Each national system: its adapter, whether it is configured, and whether it answers now",
    dependencies=[require(Permission.REGISTRIES_LOOKUP)],
)
def registries_status(runtime: RegistriesRuntimeDep) -> list[RegistryStatusOut]:
    return [RegistryStatusOut.of(registry.health()) for registry in runtime.all()]


@router.get(
    "/identity/{cnic}",
    response_model=IdentityRecord,
    summary="A person in the identity registry (NADRA) by CNIC; purpose required, audited",
    responses=LOOKUP_ERRORS,
)
def identity(
    cnic: Annotated[
        str, Path(description="CNIC, 13 digits, dashes optional: 35202-1234567-1.", max_length=20)
    ],
    access: IdentityLookup,
    services: ServicesDep,
    runtime: RegistriesRuntimeDep,
) -> IdentityRecord:
    key = cnic_key(cnic)
    return _found(runtime.identity, services, key, f"the identity registry has no CNIC {key.subject}")


@router.get(
    "/vehicles/{plate}",
    response_model=VehicleRecord,
    summary="A vehicle and its owner (Excise & Taxation); purpose required, audited",
    responses=LOOKUP_ERRORS,
)
def vehicle(
    plate: Annotated[str, Path(description="The plate as written, e.g. LEB-06-5700.", max_length=32)],
    access: VehicleLookup,
    services: ServicesDep,
    runtime: RegistriesRuntimeDep,
) -> VehicleRecord:
    return _found(
        runtime.vehicles, services, plate_lookup_key(plate), f"the vehicle registry has no plate {plate}"
    )


@router.get(
    "/firs/{station}/{fir}",
    response_model=FirRecord,
    summary="A First Information Report in the police case system; purpose required, audited",
    responses=LOOKUP_ERRORS,
)
def fir(
    station: Annotated[str, Path(description="The police station's name or code.", max_length=100)],
    fir: Annotated[str, Path(description="FIR number and year, e.g. 123-2026.", max_length=16)],
    access: FirLookup,
    services: ServicesDep,
    runtime: RegistriesRuntimeDep,
) -> FirRecord:
    return _found(
        runtime.firs, services, fir_key(station, fir), f"the FIR system has no FIR {fir} of {station}"
    )


def _found(registry: GuardedRegistry[RecordT], services: Services, key: LookupKey, missing: str) -> RecordT:
    """The registry's record for `key`; 404 saying `missing` when it has none."""
    record = registry.fetch(services.database, key)
    if record is None:
        raise NotFoundError(missing)
    return record
