"""The national systems safecity looks records up in."""

from __future__ import annotations

from enum import StrEnum


class RegistrySystem(StrEnum):
    IDENTITY = "identity"  # NADRA: CNIC → person
    VEHICLES = "vehicles"  # Excise & Taxation: plate → vehicle and owner
    FIRS = "firs"  # the police FIR / case system: station + FIR number → case
