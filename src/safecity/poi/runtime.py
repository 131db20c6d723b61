"""The register's long-lived objects on an API node: the CNIC cipher, its key read once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends

from safecity.config import Settings
from safecity.core.http.deps import runtime_dependency
from safecity.poi.identity import IdentityCipher
from safecity.poi.identity import identity_key


@dataclass(frozen=True, slots=True)
class PersonsRuntime:
    cipher: IdentityCipher

    @classmethod
    def build(cls, settings: Settings) -> PersonsRuntime:
        return cls(IdentityCipher(identity_key(settings)))


PersonsRuntimeDep = Annotated[PersonsRuntime, Depends(runtime_dependency(PersonsRuntime))]
