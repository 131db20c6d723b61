"""The incident type taxonomy: default priority (1 = most urgent) and the unit capability each type needs.

Deployments override or extend it in `dispatch.incident_types` of safecity.yaml.
"""

from __future__ import annotations

from collections.abc import Mapping

from safecity.config.dispatch import IncidentType
from safecity.core.errors import InvalidInputError

DEFAULT_TYPES: tuple[IncidentType, ...] = (
    IncidentType(code="terrorism_threat", label="Terrorism threat", priority=1),
    IncidentType(code="robbery", label="Robbery", priority=1),
    IncidentType(code="panic", label="Panic alert (women safety)", priority=1),
    IncidentType(code="fire", label="Fire", priority=1, capability="fire"),
    IncidentType(code="medical", label="Medical emergency", priority=1, capability="medical"),
    IncidentType(code="street_crime", label="Street crime / snatching", priority=2),
    IncidentType(code="harassment", label="Harassment of women", priority=2),
    IncidentType(code="accident", label="Road accident", priority=2, capability="medical"),
    IncidentType(code="missing_person", label="Missing person", priority=2),
    IncidentType(code="wanted_person", label="Wanted person sighted", priority=2),
    IncidentType(code="public_order", label="Public order", priority=3),
    IncidentType(code="suspicious_activity", label="Suspicious activity", priority=3),
    IncidentType(code="traffic_jam", label="Traffic jam", priority=4),
    IncidentType(code="camera_fault", label="Camera fault", priority=5, capability="maintenance"),
    IncidentType(code="other", label="Other", priority=3),
)


class Taxonomy:
    def __init__(self, overrides: Mapping[str, IncidentType] | None = None) -> None:
        self.types: dict[str, IncidentType] = {t.code: t for t in DEFAULT_TYPES}
        for code, value in (overrides or {}).items():
            self.types[code] = value.model_copy(update={"code": code})

    def get(self, code: str) -> IncidentType:
        try:
            return self.types[code]
        except KeyError:
            raise InvalidInputError(
                f"unknown incident type {code!r} (known: {', '.join(sorted(self.types))})", field="type"
            ) from None

    def all(self) -> list[IncidentType]:
        return sorted(self.types.values(), key=lambda t: (t.priority, t.code))
