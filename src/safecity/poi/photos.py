"""A record's photos are the example images of its face watchlist subject, enrolled through the face
watchlist's runtime (its enrolment quality gate, media store and search index)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.clock import Clock
from safecity.core.db import Database
from safecity.core.errors import InvalidInputError
from safecity.faces.watchlist.runtime import FaceWatchlist
from safecity.poi.history import record_change
from safecity.poi.models import PersonPhoto
from safecity.poi.records import PersonNotFoundError
from safecity.poi.records import get_person
from safecity.poi.watchlists import ensure_face_subject
from safecity.vision.faces import ImageInputError
from safecity.vision.faces import NoUsableFaceError


def add_photo(
    database: Database,
    watchlist: FaceWatchlist,
    person_id: int,
    data: bytes,
    actor: Actor,
    clock: Clock,
    *,
    label: str = "the photo",
    suffix: str = ".jpg",
) -> PersonPhoto:
    """Enrol the photo on the person's face subject (made on the first photo); a photo without exactly one
    usable face is a 422 on `photo` with the reason."""
    with database.session() as session:
        subject_id = ensure_face_subject(session, get_person(session, person_id), actor)
    try:
        image, notes = watchlist.enrol(subject_id, data, actor, label=label, suffix=suffix)
    except (NoUsableFaceError, ImageInputError) as exc:
        raise InvalidInputError(str(exc), field="photo") from exc
    with database.session() as session:
        person = get_person(session, person_id)
        photo = PersonPhoto(
            person_id=person.id,
            face_image_id=image.id,
            sha256=image.sha256,
            added_by=actor.username,
            created_at=clock.now(),
        )
        person.photos.append(photo)
        session.flush()
        after = {"photo_id": photo.id, "sha256": image.sha256, "notes": notes}
        record_change(session, person, "person.photo.add", actor, clock.now(), after=after)
        return photo


def remove_photo(
    database: Database, watchlist: FaceWatchlist, person_id: int, photo_id: int, actor: Actor, clock: Clock
) -> None:
    with database.session() as session:
        photo = _photo(session, person_id, photo_id)
        subject_id, image_id = get_person(session, person_id).face_subject_id, photo.face_image_id
    if subject_id is not None:
        watchlist.delete_image(subject_id, image_id, actor)
    with database.session() as session:
        photo = _photo(session, person_id, photo_id)
        person = get_person(session, person_id)
        person.photos.remove(photo)
        session.flush()
        before = {"photo_id": photo_id, "sha256": photo.sha256}
        record_change(session, person, "person.photo.remove", actor, clock.now(), before=before)


def _photo(session: Session, person_id: int, photo_id: int) -> PersonPhoto:
    photo = session.get(PersonPhoto, photo_id)
    if photo is None or photo.person_id != person_id:
        raise PersonNotFoundError(f"person of interest {person_id} has no photo {photo_id}")
    return photo
