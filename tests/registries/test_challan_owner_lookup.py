"""e-challan asks the configured vehicle registry for a plate's owner; when the remote registry is down,
intake goes on: a recent cached record answers, else the violation waits in the registry queue as
`registry_unavailable`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from safecity.challan.models import Violation
from safecity.challan.runtime import build_runtime
from safecity.config.challan import ChallanSettings
from safecity.config.platform import ApiNodeSettings
from safecity.core.clock import SYSTEM_CLOCK
from safecity.core.db import Database
from safecity.core.media import MediaStore
from safecity.registries.guarded import GuardedRegistry
from safecity.registries.records import VehicleRecord
from safecity.registries.runtime import guarded
from safecity.registries.systems import RegistrySystem
from tests.challan.helpers import feed
from tests.challan.helpers import plate_read
from tests.challan.helpers import rule_event
from tests.challan.helpers import violations
from tests.registries.conftest import http_settings
from tests.registries.contract_server import Fault
from tests.registries.contract_server import RegistryServer


@pytest.fixture
def vehicles(registry_server: RegistryServer) -> Iterator[GuardedRegistry[VehicleRecord]]:
    settings = http_settings(registry_server, retries=0, cache_seconds=0, stale_seconds=3600)
    registry = guarded(RegistrySystem.VEHICLES, settings, VehicleRecord, ApiNodeSettings(), SYSTEM_CLOCK)
    yield registry
    registry.close()


def owner_lookup(
    sqlite_database: Database, tmp_path: Path, vehicles: GuardedRegistry[VehicleRecord], seconds: float
) -> Violation:
    """A red-light violation of LEB-06-5700 at `seconds`, its owner asked of `vehicles`."""
    runtime = build_runtime(
        ChallanSettings(), MediaStore(tmp_path / "media"), registry=vehicles.stale_tolerant()
    )
    violation_events = (
        rule_event(seconds=seconds, snapshot_sha256="a" * 64),
        plate_read("LEB-06-5700", seconds=seconds),
    )
    feed(sqlite_database, runtime, *violation_events)
    return violations(sqlite_database)[-1]


def test_the_registry_answers_the_owner(
    sqlite_database: Database, tmp_path: Path, vehicles: GuardedRegistry[VehicleRecord]
) -> None:
    violation = owner_lookup(sqlite_database, tmp_path, vehicles, seconds=0)

    assert (violation.registry_status, violation.queue) == ("ok", "validation")


def test_while_the_registry_is_down_a_cached_owner_answers(
    sqlite_database: Database,
    tmp_path: Path,
    vehicles: GuardedRegistry[VehicleRecord],
    registry_server: RegistryServer,
) -> None:
    owner_lookup(sqlite_database, tmp_path, vehicles, seconds=0)
    registry_server.set_fault(Fault.SERVER_ERROR)

    violation = owner_lookup(sqlite_database, tmp_path, vehicles, seconds=600)

    assert (violation.registry_status, violation.queue) == ("ok", "validation")


def test_while_the_registry_is_down_with_nothing_cached_the_violation_waits_in_the_registry_queue(
    sqlite_database: Database,
    tmp_path: Path,
    vehicles: GuardedRegistry[VehicleRecord],
    registry_server: RegistryServer,
) -> None:
    registry_server.set_fault(Fault.SERVER_ERROR)

    violation = owner_lookup(sqlite_database, tmp_path, vehicles, seconds=0)

    assert (violation.registry_status, violation.queue) == ("registry_unavailable", "registry")
