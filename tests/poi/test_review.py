"""Review and expiry: past its review date or legal basis a record leaves the watchlists (face subject and
hotlist entries expire) until a supervisor renews it; the sweep and the renewal are in the history."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest

from safecity.core.audit.actors import Actor
from safecity.core.db import Database
from safecity.core.errors import InvalidInputError
from safecity.faces.watchlist import service as faces
from safecity.poi import records
from safecity.poi import review
from safecity.poi.history import changes_of
from safecity.poi.identity import IdentityCipher
from safecity.poi.schemas import PersonIn
from safecity.poi.schemas import RenewIn
from safecity.poi.schemas import VehicleIn
from safecity.poi.watchlists import ensure_face_subject
from safecity.watchlist.vehicles.service import active_entries
from tests.poi.conftest import record

SUPERVISOR = Actor("chief", "supervisor", "10.0.0.9")
CIPHER = IdentityCipher(bytes(range(32)))
TODAY = date(2026, 12, 3)
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _person(database: Database, review_date: date, legal_basis_expires: date | None = None) -> int:
    data = PersonIn.model_validate(
        record(review_date=review_date.isoformat(), legal_basis_expires=legal_basis_expires)
    )
    with database.session() as session:
        person = records.create_person(session, data, SUPERVISOR, CIPHER, NOW)
        records.add_vehicle(session, person.id, VehicleIn(plate="LEA-1234"), SUPERVISOR, NOW)
        ensure_face_subject(session, person, SUPERVISOR)
        return person.id


def _listed(database: Database, at: datetime) -> tuple[bool, bool]:
    """(the face subject is in force, the plate is on an active hotlist entry) at `at`."""
    with database.session() as session:
        subject = faces.list_subjects(session)[0]
        plates = [entry.plate for entry in active_entries(session, at)]
        return not faces.is_expired(subject, at), "LEA-1234" in plates


def test_watchlist_entries_expire_with_the_review_date(database: Database) -> None:
    _person(database, review_date=TODAY + timedelta(days=10))
    assert _listed(database, NOW) == (True, True)
    end_of_review_day = datetime(2026, 12, 14, tzinfo=UTC)
    assert _listed(database, end_of_review_day - timedelta(seconds=1)) == (True, True)
    assert _listed(database, end_of_review_day) == (False, False)


def test_the_sweep_takes_a_record_past_its_review_off_the_watchlists_until_renewed(
    database: Database,
) -> None:
    person_id = _person(database, review_date=TODAY + timedelta(days=1))
    later = NOW + timedelta(days=3)
    with database.session() as session:
        assert [p.id for p in review.lapse_due(session, later)] == [person_id]
        assert review.lapse_due(session, later) == []  # once
    with database.session() as session:
        person = records.get_person(session, person_id)
        assert (person.on_watchlists, person.lapsed_at) == (False, later)
    assert _listed(database, later) == (False, False)

    renewal = RenewIn(
        reason="reviewed: the court order stands", review_date=later.date() + timedelta(days=90)
    )
    with database.session() as session:
        review.renew(session, person_id, renewal, SUPERVISOR, later)
    assert _listed(database, later) == (True, True)

    with database.session() as session:
        history = [(c.action, c.actor, c.reason) for c in changes_of(session, person_id)]
    assert history[-2:] == [
        ("person.lapse", "persons-review", "review was due on 2026-12-04"),
        ("person.renew", "chief", "reviewed: the court order stands"),
    ]


def test_an_expired_legal_basis_lapses_the_record_even_before_its_review(database: Database) -> None:
    person_id = _person(database, review_date=TODAY + timedelta(days=60), legal_basis_expires=TODAY)
    with database.session() as session:
        [lapsed] = review.lapse_due(session, NOW + timedelta(days=1))
        assert lapsed.id == person_id
        assert changes_of(session, person_id)[-1].reason == "legal basis expired on 2026-12-03"


def test_a_record_whose_legal_basis_ended_is_renewed_only_with_its_new_end(database: Database) -> None:
    person_id = _person(database, review_date=TODAY + timedelta(days=60), legal_basis_expires=TODAY)
    later = NOW + timedelta(days=2)
    renewal = RenewIn(reason="reviewed", review_date=later.date() + timedelta(days=30))
    with database.session() as session, pytest.raises(InvalidInputError) as refused:
        review.renew(session, person_id, renewal, SUPERVISOR, later)
    assert refused.value.field == "legal_basis_expires"
    extended = RenewIn(
        reason="court order extended",
        review_date=later.date() + timedelta(days=30),
        legal_basis_expires=later.date() + timedelta(days=180),
    )
    with database.session() as session:
        assert review.renew(session, person_id, extended, SUPERVISOR, later).on_watchlists


def test_a_renewal_must_look_forward(database: Database) -> None:
    person_id = _person(database, review_date=TODAY + timedelta(days=1))
    stale = RenewIn(reason="reviewed late", review_date=TODAY - timedelta(days=1))
    with database.session() as session, pytest.raises(InvalidInputError) as refused:
        review.renew(session, person_id, stale, SUPERVISOR, NOW)
    assert refused.value.field == "review_date"
