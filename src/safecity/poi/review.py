"""Review and expiry: a record past its review date or its legal basis's last day leaves the watchlists
until a supervisor renews it.

Its watchlist entries already stop matching at that moment (`watchlists.in_force_until`); the sweep, a
singleton job of the cluster, marks such records lapsed (`on_watchlists` false), sets their face subject and
hotlist entries to expired as of the sweep, and writes the lapse into each record's history and the audit
log. `renew` is the only way back: new dates and a reason, by someone holding `persons.renew`.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.audit.actors import Actor
from safecity.core.clock import Clock
from safecity.core.db import Database
from safecity.core.http.services import Services
from safecity.core.leadership import SingletonJob
from safecity.core.leadership import repeat_in_thread
from safecity.poi.history import record_change
from safecity.poi.history import record_edit
from safecity.poi.history import snapshot
from safecity.poi.models import Person
from safecity.poi.records import check_dates
from safecity.poi.records import get_person
from safecity.poi.schemas import RenewIn
from safecity.poi.watchlists import sync_watchlists

log = logging.getLogger(__name__)
REVIEW_ACTOR = Actor("persons-review", "system")


def lapse_due(session: Session, now: datetime, actor: Actor = REVIEW_ACTOR) -> list[Person]:
    """Take every record still on the watchlists but past its review date or legal basis off them."""
    today = now.date()
    due = session.scalars(
        select(Person)
        .where(Person.on_watchlists.is_(True))
        .where(or_(Person.review_date < today, Person.legal_basis_expires < today))
        .order_by(Person.id)
    ).all()
    for person in due:
        reason = (
            f"legal basis expired on {person.legal_basis_expires.isoformat()}"
            if person.legal_basis_expires is not None and person.legal_basis_expires < today
            else f"review was due on {person.review_date.isoformat()}"
        )
        person.on_watchlists = False
        person.lapsed_at = now
        person.updated_at = now
        session.flush()
        sync_watchlists(session, person, actor)
        record_change(
            session,
            person,
            "person.lapse",
            actor,
            now,
            reason=reason,
            before={"on_watchlists": True},
            after={"on_watchlists": False},
        )
    return list(due)


def renew(session: Session, person_id: int, data: RenewIn, actor: Actor, now: datetime) -> Person:
    """A supervisor's review: new dates (and legal basis, if given); the record is back on the watchlists."""
    person = get_person(session, person_id)
    # Left out, the legal basis keeps its end (which must then still lie ahead); null means it has none.
    expires = (
        data.legal_basis_expires
        if "legal_basis_expires" in data.model_fields_set
        else person.legal_basis_expires
    )
    check_dates(now.date(), legal_basis_expires=expires, review_date=data.review_date)
    before = snapshot(person)
    person.review_date = data.review_date
    person.legal_basis_expires = expires
    if data.legal_basis is not None:
        person.legal_basis = data.legal_basis.strip()
    person.on_watchlists = True
    person.lapsed_at = None
    record_edit(session, person, "person.renew", actor, now, reason=data.reason, before=before)
    sync_watchlists(session, person, actor)
    return person


class ReviewSweeps:
    def __init__(self, database: Database, clock: Clock, every_seconds: float) -> None:
        self.database = database
        self.clock = clock
        self.every_seconds = every_seconds

    def sweep_once(self) -> list[int]:
        with self.database.session() as session:
            lapsed = [person.id for person in lapse_due(session, self.clock.now())]
        if lapsed:
            log.info("persons of interest off the watchlists until renewed: %s", lapsed)
        return lapsed

    async def run(self) -> None:
        await repeat_in_thread(
            self.sweep_once,
            self.every_seconds,
            log_failure=log.exception,
            failure="persons-of-interest review sweep failed",
        )


def review_jobs(services: Services) -> list[SingletonJob]:
    settings = services.settings.persons
    sweeps = ReviewSweeps(services.database, services.clock, settings.review_sweep_minutes * 60)
    return [SingletonJob("persons review sweep", sweeps.run)]
