"""The three guarded registries, built once from the settings (`app.py` adds them to the runtimes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends

from safecity.config.platform import ApiNodeSettings
from safecity.config.registries import AdapterKind
from safecity.config.registries import RegistriesSettings
from safecity.config.registries import RegistrySettings
from safecity.core.clock import SYSTEM_CLOCK
from safecity.core.clock import Clock
from safecity.core.http.deps import runtime_dependency
from safecity.core.ratelimit import node_rate_limiter
from safecity.registries.cache import RegistryCache
from safecity.registries.csv_adapter import CsvRegistry
from safecity.registries.field_mapping import FieldMapping
from safecity.registries.guarded import GuardedRegistry
from safecity.registries.http_adapter import HttpRegistry
from safecity.registries.interfaces import RecordT
from safecity.registries.interfaces import Registry
from safecity.registries.interfaces import RemoteRegistry
from safecity.registries.local_vehicles import LocalVehicleRegistry
from safecity.registries.records import FirRecord
from safecity.registries.records import IdentityRecord
from safecity.registries.records import VehicleRecord
from safecity.registries.systems import RegistrySystem


@dataclass
class RegistriesRuntime:
    identity: GuardedRegistry[IdentityRecord]
    vehicles: GuardedRegistry[VehicleRecord]
    firs: GuardedRegistry[FirRecord]

    @classmethod
    def build(
        cls, settings: RegistriesSettings, nodes: ApiNodeSettings | None = None, clock: Clock = SYSTEM_CLOCK
    ) -> RegistriesRuntime:
        nodes = nodes or ApiNodeSettings()
        return cls(
            identity=guarded(RegistrySystem.IDENTITY, settings.identity, IdentityRecord, nodes, clock),
            vehicles=guarded(RegistrySystem.VEHICLES, settings.vehicles, VehicleRecord, nodes, clock),
            firs=guarded(RegistrySystem.FIRS, settings.firs, FirRecord, nodes, clock),
        )

    def all(
        self,
    ) -> tuple[GuardedRegistry[IdentityRecord], GuardedRegistry[VehicleRecord], GuardedRegistry[FirRecord]]:
        return self.identity, self.vehicles, self.firs


def guarded(
    system: RegistrySystem,
    settings: RegistrySettings,
    record: type[RecordT],
    nodes: ApiNodeSettings,
    clock: Clock,
) -> GuardedRegistry[RecordT]:
    remote: RemoteRegistry[RecordT] | None = None
    direct: Registry[RecordT] | None = None
    match settings.kind:
        case AdapterKind.HTTP:
            remote = HttpRegistry(system, settings, FieldMapping(system, record, settings.fields))
        case AdapterKind.CSV:
            assert settings.file is not None
            direct = CsvRegistry(system, settings.file, record)
        case AdapterKind.LOCAL:
            assert record is VehicleRecord, "the settings allow kind local for vehicles only"
            direct = LocalVehicleRegistry()  # type: ignore[assignment]
    return GuardedRegistry(
        system,
        settings,
        RegistryCache(system, record, keep_seconds=max(settings.cache_seconds, settings.stale_seconds)),
        node_rate_limiter(settings.rate_limit, nodes),
        clock,
        remote=remote,
        direct=direct,
    )


RegistriesRuntimeDep = Annotated[RegistriesRuntime, Depends(runtime_dependency(RegistriesRuntime))]
