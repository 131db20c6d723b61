"""What a lookup is keyed by, parsed from what a user typed; bad input is a 422 naming the field."""

from __future__ import annotations

import re
from dataclasses import dataclass

from safecity.core.cnic import normalize_cnic
from safecity.core.errors import InvalidInputError
from safecity.registries.systems import RegistrySystem
from safecity.vision.plates.keys import MAX_STORED_PLATE_LENGTH
from safecity.vision.plates.keys import plate_key

STATION_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .'-]{1,99}$")
FIR_PATTERN = re.compile(r"^(\d{1,7})[-/](\d{4})$")
FIR_FORMAT_HINT = "FIR must be NUMBER-YEAR, e.g. 123-2026"


@dataclass(frozen=True, slots=True)
class LookupKey:
    """`subject`: the one string that names the record (cache, rate limit, audit); `placeholders`: what the
    HTTP adapter puts in its path template."""

    system: RegistrySystem
    subject: str
    placeholders: dict[str, str]


def cnic_key(text: str, *, field: str = "cnic", location: str = "path") -> LookupKey:
    try:
        cnic = normalize_cnic(text)
    except ValueError as error:
        raise InvalidInputError(str(error), field=field, location=location) from error
    return LookupKey(RegistrySystem.IDENTITY, cnic, {"cnic": cnic})


def plate_lookup_key(text: str, *, field: str = "plate", location: str = "path") -> LookupKey:
    """Series + number, no year and no separators (`LEB-06-5700` → `LEB5700`): what the registry is asked."""
    try:
        key = plate_key(text).key
    except ValueError as error:
        raise InvalidInputError(str(error), field=field, location=location) from error
    if len(key) > MAX_STORED_PLATE_LENGTH:
        raise InvalidInputError(
            f"a plate has at most {MAX_STORED_PLATE_LENGTH} letters and digits",
            field=field,
            location=location,
        )
    return LookupKey(RegistrySystem.VEHICLES, key, {"plate": key})


def fir_key(station: str, fir: str, *, location: str = "path") -> LookupKey:
    """A police station's name or code and its FIR number with year (`123-2026`, or `123/2026` in files)."""
    station_text = " ".join(station.split())
    if not STATION_PATTERN.match(station_text):
        raise InvalidInputError(
            "a police station is 2-100 letters, digits, spaces, dots, apostrophes or hyphens",
            field="station",
            location=location,
        )
    match = FIR_PATTERN.match(fir.strip())
    if match is None:
        raise InvalidInputError(FIR_FORMAT_HINT, field="fir", location=location)
    fir_text = f"{int(match[1])}-{match[2]}"
    subject = f"{station_text.lower()}/{fir_text}"
    return LookupKey(RegistrySystem.FIRS, subject, {"station": station_text, "fir": fir_text})
