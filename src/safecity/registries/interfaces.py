"""One interface per national system: look a key up, get the record or None (the registry has none).

Adapters raise `RegistryUnavailableError` (or its `RegistryBadResponseError`) when they cannot answer. File
and table adapters read through `session` where they need it; remote adapters ignore it.
"""

from __future__ import annotations

from typing import Protocol
from typing import TypeVar

from sqlalchemy.orm import Session

from safecity.registries.keys import LookupKey
from safecity.registries.records import FirRecord
from safecity.registries.records import IdentityRecord
from safecity.registries.records import RegistryRecord
from safecity.registries.records import VehicleRecord

RecordT = TypeVar("RecordT", bound=RegistryRecord)
RecordT_co = TypeVar("RecordT_co", bound=RegistryRecord, covariant=True)


class Registry(Protocol[RecordT_co]):
    def lookup(self, session: Session, key: LookupKey) -> RecordT_co | None: ...


class RemoteRegistry(Protocol[RecordT_co]):
    """A registry reached over the network: asked without holding a database transaction open."""

    def fetch(self, key: LookupKey) -> RecordT_co | None: ...

    def close(self) -> None: ...


IdentityRegistry = Registry[IdentityRecord]  # CNIC → person (`keys.cnic_key`)
VehicleRegistry = Registry[VehicleRecord]  # plate → vehicle and owner (`keys.plate_lookup_key`)
FirRegistry = Registry[FirRecord]  # station + FIR number → case (`keys.fir_key`)
