"""The fine schedule: amount per violation type and vehicle class, from YAML (built-in default beside)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from decimal import InvalidOperation
from pathlib import Path

import yaml

from safecity.challan.vocabulary import ViolationType
from safecity.core.errors import SafecityError

DEFAULT_SCHEDULE = Path(__file__).with_name("fines.yaml")
DEFAULT_CLASS = "default"


class FineScheduleError(SafecityError, ValueError):
    """The schedule file is unreadable or invalid, or has no fine for a violation (500)."""


def to_minor(amount: Decimal) -> int:
    """Rupees → paisa; raises ValueError for non-positive amounts or more than two decimals."""
    if not amount.is_finite() or amount <= 0:
        raise ValueError(f"amount must be a positive number, got {amount}")
    minor = amount * 100
    if minor != minor.to_integral_value():
        raise ValueError(f"amount {amount} has more than two decimal places")
    return int(minor)


def format_minor(minor: int) -> str:
    return f"{Decimal(minor) / 100:.2f}"


@dataclass(frozen=True, slots=True)
class FineSchedule:
    currency: str
    fines: dict[str, dict[str, int]]  # violation type → vehicle class (or "default") → minor units

    def amount(self, violation_type: str, vehicle_class: str | None) -> int:
        by_class = self.fines.get(violation_type)
        if by_class is None:
            raise FineScheduleError(f"the fine schedule has no fine for {violation_type!r}")
        if vehicle_class and vehicle_class in by_class:
            return by_class[vehicle_class]
        if DEFAULT_CLASS not in by_class:
            raise FineScheduleError(f"no fine for {violation_type!r} and vehicle class {vehicle_class!r}")
        return by_class[DEFAULT_CLASS]


def load_fine_schedule(path: Path | None = None) -> FineSchedule:
    file = path or DEFAULT_SCHEDULE
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise FineScheduleError(f"{file}: cannot read the fine schedule ({error})") from error
    if not isinstance(data, dict) or not isinstance(data.get("fines"), dict):
        raise FineScheduleError(f"{file}: expected a mapping with `currency` and `fines`")
    currency = str(data.get("currency", "PKR"))
    if len(currency) != 3:
        raise FineScheduleError(f"{file}: currency must be a 3-letter code, got {currency!r}")
    known = {member.value for member in ViolationType}
    fines: dict[str, dict[str, int]] = {}
    for violation, by_class in data["fines"].items():
        if violation not in known:
            raise FineScheduleError(f"{file}: fines.{violation}: unknown violation (known: {sorted(known)})")
        if not isinstance(by_class, dict) or not by_class:
            raise FineScheduleError(f"{file}: fines.{violation}: expected vehicle class: amount pairs")
        fines[violation] = {}
        for vehicle_class, amount in by_class.items():
            try:
                fines[violation][str(vehicle_class)] = to_minor(Decimal(str(amount)))
            except (InvalidOperation, ValueError) as error:
                raise FineScheduleError(f"{file}: fines.{violation}.{vehicle_class}: {error}") from error
    return FineSchedule(currency, fines)
