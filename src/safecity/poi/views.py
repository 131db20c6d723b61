"""A record as the API shows it: the CNIC masked, review state computed."""

from __future__ import annotations

from datetime import date

from safecity.core.http.outputs import from_row
from safecity.poi.identity import IdentityCipher
from safecity.poi.models import Person
from safecity.poi.records import masked_cnic
from safecity.poi.schemas import FirOut
from safecity.poi.schemas import PersonLinkOut
from safecity.poi.schemas import PersonOut
from safecity.poi.schemas import PhotoOut
from safecity.poi.schemas import VehicleOut
from safecity.poi.vocabulary import PersonStatus
from safecity.poi.watchlists import is_due


def person_out(person: Person, cipher: IdentityCipher, today: date) -> PersonOut:
    return from_row(
        PersonOut,
        person,
        aliases=[alias.name for alias in person.aliases],
        cnic_masked=masked_cnic(person, cipher),
        status_label=PersonStatus(person.status).label,
        review_due=is_due(person, today),
        firs=[from_row(FirOut, fir) for fir in person.firs],
        photos=[from_row(PhotoOut, photo) for photo in person.photos],
        vehicles=[from_row(VehicleOut, vehicle) for vehicle in person.vehicles],
        links=[from_row(PersonLinkOut, link) for link in person.links],
    )
