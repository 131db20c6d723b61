"""What each national system answers, validated: a remote payload or a file row that lacks a required field or
has a wrong type is refused naming the field. These models are also the API's response bodies."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated
from typing import Self

from pydantic import AfterValidator
from pydantic import BaseModel
from pydantic import BeforeValidator
from pydantic import ConfigDict
from pydantic import Field
from pydantic import StringConstraints
from pydantic import model_validator

from safecity.core.cnic import normalize_cnic
from safecity.core.errors import InvalidInputError
from safecity.registries.keys import LookupKey
from safecity.registries.keys import cnic_key
from safecity.registries.keys import fir_key
from safecity.registries.keys import plate_lookup_key
from safecity.vision.plates.keys import plate_key

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Cnic = Annotated[str, AfterValidator(normalize_cnic)]


def _lower(value: object) -> object:
    return value.strip().lower() if isinstance(value, str) else value


class VehicleStatus(StrEnum):
    VALID = "valid"
    STOLEN = "stolen"
    EXPIRED = "expired"  # registration (token tax) lapsed
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"


class RegistryRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    def lookup_key(self) -> LookupKey:
        raise NotImplementedError

    @model_validator(mode="after")
    def _has_a_key(self) -> Self:
        """A record whose key cannot be formed (a station name with odd characters ...) is invalid data."""
        try:
            self.lookup_key()
        except InvalidInputError as error:
            raise ValueError(str(error)) from error
        return self


class IdentityRecord(RegistryRecord):
    """A person in the identity registry (NADRA)."""

    cnic: Cnic = Field(description="The CNIC, 13 digits without dashes.")
    name: Text = Field(description="Full name as registered.")
    father_name: Text | None = Field(None, description="Father's (or husband's) name.")
    date_of_birth: date | None = Field(None, description="Date of birth.")
    address: LongText | None = Field(None, description="Registered address.")
    photo_url: LongText | None = Field(None, description="Where the registry serves the photo, when it does.")
    photo_base64: str | None = Field(None, description="The photo itself (JPEG or PNG), base64, when sent.")

    def lookup_key(self) -> LookupKey:
        return cnic_key(self.cnic)


class VehicleRecord(RegistryRecord):
    """A vehicle in the registration system (Excise & Taxation) and its registered owner."""

    plate: Text = Field(description="The plate as registered, e.g. LEB-06-5700.")
    vehicle_class: Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=1)] = (
        Field(description="car, motorcycle, jeep, bus, truck, rickshaw ...")
    )
    owner_name: Text = Field(description="Registered owner's name.")
    owner_cnic: Cnic = Field(description="Registered owner's CNIC, 13 digits.")
    make: Text | None = Field(None, description="Manufacturer, e.g. Toyota.")
    model: Text | None = Field(None, description="Model, e.g. Corolla.")
    colour: Text | None = Field(None, description="Colour as registered.")
    address: LongText | None = Field(None, description="Owner's registered address.")
    status: Annotated[VehicleStatus, BeforeValidator(_lower)] = Field(
        VehicleStatus.VALID, description="Registration status (stolen, expired ...)."
    )

    @property
    def plate_key(self) -> str:
        """Series + number, the key safecity compares plates by (`safecity.vision.plates.keys`)."""
        return plate_key(self.plate).key

    @property
    def plate_text(self) -> str:
        return self.plate.upper()

    def lookup_key(self) -> LookupKey:
        return plate_lookup_key(self.plate)


class FirRecord(RegistryRecord):
    """A First Information Report in the police case system."""

    station: Text = Field(description="Police station that registered the FIR.")
    fir: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\d{1,7}[-/]\d{4}$")] = Field(
        description="FIR number and year, e.g. 123-2026."
    )
    sections: list[Text] = Field(default_factory=list, description="Sections of law, e.g. PPC 302, PPC 34.")
    status: Text = Field(
        description="Case status as the police system reports it (registered, challaned ...)."
    )
    registered_on: date = Field(description="Date the FIR was registered.")
    accused_names: list[Text] = Field(default_factory=list, description="Names of the accused.")

    def lookup_key(self) -> LookupKey:
        return fir_key(self.station, self.fir)
