"""Remote JSON → our record: for each of our fields a JMESPath expression into the service's answer
(`data.fullName`, `accused[*].name`), so a province whose API names things differently plugs in by
configuration. A field not named in the mapping is read from the key of its own name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from typing import Generic

import jmespath
from jmespath.exceptions import JMESPathError
from jmespath.parser import ParsedResult
from pydantic import ValidationError

from safecity.core import validation_messages
from safecity.registries.errors import RegistryBadResponseError
from safecity.registries.interfaces import RecordT
from safecity.registries.systems import RegistrySystem


def describe_validation_error(error: ValidationError) -> str:
    """`name: Field required; date_of_birth: Input should be a valid date` — fields only, never values."""
    return validation_messages.problems(error, root="record", own_text=True)


class FieldMapping(Generic[RecordT]):
    def __init__(self, system: RegistrySystem, record: type[RecordT], fields: Mapping[str, str]) -> None:
        unknown = sorted(set(fields) - set(record.model_fields))
        if unknown:
            known = ", ".join(record.model_fields)
            raise ValueError(f"registries.{system.value}.fields: unknown field(s) {unknown}; known: {known}")
        self.system = system
        self.record = record
        self._paths: dict[str, ParsedResult] = {}
        for name in record.model_fields:
            expression = fields.get(name, name)
            try:
                self._paths[name] = jmespath.compile(expression)
            except JMESPathError as error:
                raise ValueError(f"registries.{system.value}.fields.{name}: {error}") from error

    def record_from(self, payload: Any) -> RecordT:
        """The record in a decoded JSON answer; `RegistryBadResponseError` naming the wrong fields."""
        if not isinstance(payload, dict):
            raise RegistryBadResponseError(self.system, "the answer is not a JSON object")
        values = {}
        for name, path in self._paths.items():
            value = path.search(payload)
            if value is not None:
                values[name] = value
        try:
            return self.record.model_validate(values)
        except ValidationError as error:
            raise RegistryBadResponseError(
                self.system, f"the answer is not a valid record ({describe_validation_error(error)})"
            ) from error
