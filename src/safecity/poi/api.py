"""`/api/v1/persons`: the persons-of-interest register.

Reading records (list, one record, timeline) is a purpose-bound personal-data read: `persons.read`, a stated
`purpose`, an audit entry per request. Changes need `persons.manage` and are kept in the record's change
history with who, when, why and the fields before and after; renewing a lapsed record needs
`persons.renew`. The CNIC is shown masked; `reveal-cnic` needs `persons.reveal_identity` and a purpose.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter
from fastapi import Query
from fastapi import Response
from fastapi import UploadFile
from fastapi import status
from fastapi.concurrency import run_in_threadpool

from safecity.core.auth.permissions import Permission
from safecity.core.errors import ForbiddenError
from safecity.core.http.access import PersonalDataAccess
from safecity.core.http.access import personal_data_read
from safecity.core.http.auditing import actor_of
from safecity.core.http.deps import ServicesDep
from safecity.core.http.outputs import from_row
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.core.http.services import Services
from safecity.faces.runtime import FaceWatchlistDep
from safecity.poi import photos
from safecity.poi import records
from safecity.poi import review
from safecity.poi.runtime import PersonsRuntime
from safecity.poi.runtime import PersonsRuntimeDep
from safecity.poi.schemas import LinkIn
from safecity.poi.schemas import PersonIn
from safecity.poi.schemas import PersonLinkOut
from safecity.poi.schemas import PersonOut
from safecity.poi.schemas import PersonPageOut
from safecity.poi.schemas import PersonPatch
from safecity.poi.schemas import PhotoOut
from safecity.poi.schemas import RenewIn
from safecity.poi.schemas import RevealOut
from safecity.poi.schemas import TimelineOut
from safecity.poi.schemas import VehicleIn
from safecity.poi.schemas import VehicleOut
from safecity.poi.timeline import timeline
from safecity.poi.views import person_out
from safecity.poi.vocabulary import PersonStatus

router = APIRouter(prefix="/api/v1/persons", tags=["persons of interest"])
Manager = Annotated[Principal, require(Permission.PERSONS_MANAGE)]
Renewer = Annotated[Principal, require(Permission.PERSONS_RENEW)]
ListRead = Annotated[PersonalDataAccess, personal_data_read(Permission.PERSONS_READ, "persons.list")]
RecordRead = Annotated[PersonalDataAccess, personal_data_read(Permission.PERSONS_READ, "persons.read")]
TimelineRead = Annotated[PersonalDataAccess, personal_data_read(Permission.PERSONS_READ, "persons.timeline")]
Reveal = Annotated[
    PersonalDataAccess, personal_data_read(Permission.PERSONS_REVEAL_IDENTITY, "persons.reveal_cnic")
]
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png"}


def _view(services: Services, runtime: PersonsRuntime, person_id: int) -> PersonOut:
    with services.database.session() as session:
        person = records.get_person(session, person_id)
        return person_out(person, runtime.cipher, services.clock.now().date())


@router.get("", response_model=PersonPageOut, summary="Persons of interest matching the filters (audited)")
def list_persons(
    services: ServicesDep,
    runtime: PersonsRuntimeDep,
    _: ListRead,
    q: Annotated[str | None, Query(max_length=200, description="Part of a name or an alias.")] = None,
    status_: Annotated[PersonStatus | None, Query(alias="status")] = None,
    station: Annotated[str | None, Query(max_length=120, description="Police station of an FIR.")] = None,
    has_vehicle: bool | None = None,
    review_due: Annotated[
        bool | None,
        Query(description="true: only records past their review date or legal basis; false: none."),
    ] = None,
    face_subject_id: Annotated[
        str | None, Query(max_length=64, description="The record whose face watchlist subject this is.")
    ] = None,
    hotlist_entry_id: Annotated[
        int | None, Query(description="The record whose vehicle this hotlist entry lists.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> PersonPageOut:
    today = services.clock.now().date()
    wanted = records.PersonFilter(
        q=q,
        status=status_,
        station=station,
        has_vehicle=has_vehicle,
        review_due=review_due,
        today=today,
        face_subject_id=face_subject_id,
        hotlist_entry_id=hotlist_entry_id,
    )
    with services.database.session() as session:
        persons, total = records.list_persons(session, wanted, limit=limit, offset=offset)
        views = [person_out(person, runtime.cipher, today) for person in persons]
    return PersonPageOut(persons=views, total=total, limit=limit, offset=offset)


@router.post("", response_model=PersonOut, status_code=status.HTTP_201_CREATED, summary="Create a record")
def create_person(
    body: PersonIn, services: ServicesDep, runtime: PersonsRuntimeDep, principal: Manager
) -> PersonOut:
    with services.database.session() as session:
        person = records.create_person(
            session, body, actor_of(principal), runtime.cipher, services.clock.now()
        )
        return person_out(person, runtime.cipher, services.clock.now().date())


@router.get("/{person_id}", response_model=PersonOut, summary="One record, CNIC masked (audited)")
def get_person(person_id: int, services: ServicesDep, runtime: PersonsRuntimeDep, _: RecordRead) -> PersonOut:
    return _view(services, runtime, person_id)


@router.patch("/{person_id}", response_model=PersonOut, summary="Change a record, with the reason")
def update_person(
    person_id: int, body: PersonPatch, services: ServicesDep, runtime: PersonsRuntimeDep, principal: Manager
) -> PersonOut:
    if body.changes_review_dates and not principal.can(Permission.PERSONS_RENEW):
        raise ForbiddenError("moving the review or legal-basis dates is a review: it needs persons.renew")
    with services.database.session() as session:
        person = records.update_person(
            session,
            person_id,
            body,
            actor_of(principal),
            runtime.cipher,
            services.clock.now(),
        )
        return person_out(person, runtime.cipher, services.clock.now().date())


@router.post(
    "/{person_id}/photos",
    response_model=PhotoOut,
    status_code=status.HTTP_201_CREATED,
    summary="Add a photo; it is enrolled on the face watchlist",
)
async def add_photo(
    person_id: int,
    photo: UploadFile,
    services: ServicesDep,
    watchlist: FaceWatchlistDep,
    principal: Manager,
) -> PhotoOut:
    """A photo without exactly one usable face is refused (422 on `photo`, with the reason)."""
    data = await photo.read()
    label = photo.filename or "the photo"
    suffix = Path(label).suffix.lower() if Path(label).suffix.lower() in PHOTO_SUFFIXES else ".jpg"
    added = await run_in_threadpool(
        photos.add_photo,
        services.database,
        watchlist,
        person_id,
        data,
        actor_of(principal),
        services.clock,
        label=label,
        suffix=suffix,
    )
    return from_row(PhotoOut, added)


@router.delete("/{person_id}/photos/{photo_id}", status_code=status.HTTP_204_NO_CONTENT)
def remove_photo(
    person_id: int, photo_id: int, services: ServicesDep, watchlist: FaceWatchlistDep, principal: Manager
) -> Response:
    photos.remove_photo(
        services.database, watchlist, person_id, photo_id, actor_of(principal), services.clock
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{person_id}/vehicles",
    response_model=VehicleOut,
    status_code=status.HTTP_201_CREATED,
    summary="Add a vehicle; its plate goes on the persons-of-interest hotlist",
)
def add_vehicle(
    person_id: int, body: VehicleIn, services: ServicesDep, runtime: PersonsRuntimeDep, principal: Manager
) -> VehicleOut:
    with services.database.session() as session:
        vehicle = records.add_vehicle(session, person_id, body, actor_of(principal), services.clock.now())
        return from_row(VehicleOut, vehicle)


@router.delete("/{person_id}/vehicles/{vehicle_id}", status_code=status.HTTP_204_NO_CONTENT)
def remove_vehicle(
    person_id: int, vehicle_id: int, services: ServicesDep, runtime: PersonsRuntimeDep, principal: Manager
) -> Response:
    with services.database.session() as session:
        records.remove_vehicle(session, person_id, vehicle_id, actor_of(principal), services.clock.now())
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{person_id}/links",
    response_model=PersonLinkOut,
    status_code=status.HTTP_201_CREATED,
    summary="Link an incident (by id) or an evidence case (by reference or id)",
)
def add_link(person_id: int, body: LinkIn, services: ServicesDep, principal: Manager) -> PersonLinkOut:
    with services.database.session() as session:
        link = records.add_link(session, person_id, body, actor_of(principal), services.clock.now())
        return from_row(PersonLinkOut, link)


@router.post(
    "/{person_id}/renew",
    response_model=PersonOut,
    summary="A supervisor's review: new dates and a reason; the record is back on the watchlists",
)
def renew(
    person_id: int, body: RenewIn, services: ServicesDep, runtime: PersonsRuntimeDep, principal: Renewer
) -> PersonOut:
    with services.database.session() as session:
        person = review.renew(session, person_id, body, actor_of(principal), services.clock.now())
        return person_out(person, runtime.cipher, services.clock.now().date())


@router.get(
    "/{person_id}/timeline",
    response_model=TimelineOut,
    summary="Everything known about the person, oldest first (audited)",
)
def person_timeline(person_id: int, services: ServicesDep, _: TimelineRead) -> TimelineOut:
    with services.database.session() as session:
        person = records.get_person(session, person_id)
        return TimelineOut(person_id=person.id, entries=timeline(session, person))


@router.post(
    "/{person_id}/reveal-cnic",
    response_model=RevealOut,
    summary="The full CNIC, for a stated purpose (needs persons.reveal_identity; audited)",
)
def reveal_cnic(person_id: int, services: ServicesDep, runtime: PersonsRuntimeDep, _: Reveal) -> RevealOut:
    with services.database.session() as session:
        person = records.get_person(session, person_id)
        return RevealOut(person_id=person.id, cnic=records.revealed_cnic(person, runtime.cipher))
