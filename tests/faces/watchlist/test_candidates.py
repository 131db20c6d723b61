"""Live matching makes candidates; only two different people confirming makes a confirmed match."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from safecity.alerts.consumer import AlertConsumer
from safecity.alerts.events import AlertUpdated
from safecity.alerts.models import Alert
from safecity.core.audit.actors import Actor
from safecity.core.audit.models import AuditEntry
from safecity.core.bus import EmbeddedBus
from safecity.faces.consumer import SightingConsumer
from safecity.faces.watchlist.candidates import Decision
from safecity.faces.watchlist.candidates import DecisionConflictError
from safecity.faces.watchlist.candidates import decide
from safecity.faces.watchlist.events import FaceCandidateEvent
from safecity.faces.watchlist.events import FaceMatchConfirmedEvent
from safecity.faces.watchlist.models import FaceSubjectImage
from safecity.faces.watchlist.runtime import FaceWatchlist
from tests.faces.support import OBAMA_PROBE
from tests.faces.support import STRANGER
from tests.faces.support import search_embedding
from tests.faces.support import sighting_event

OPERATOR = Actor("operator", "operator")
SUPERVISOR = Actor("supervisor", "supervisor")
PURPOSE = "live watchlist alert review"


def consumer(watchlist: FaceWatchlist) -> SightingConsumer:
    return SightingConsumer(watchlist, EmbeddedBus(watchlist.database))


def candidate_from_live_sighting(watchlist: FaceWatchlist) -> FaceCandidateEvent:
    [event] = consumer(watchlist).apply(
        sighting_event(search_embedding(OBAMA_PROBE), crop=b"crop of track 7")
    )
    assert isinstance(event, FaceCandidateEvent)
    return event


def test_a_live_face_of_a_subject_raises_a_candidate_with_both_images(enrolled: FaceWatchlist) -> None:
    event = candidate_from_live_sighting(enrolled)
    assert (event.subject_id, event.subject_name, event.category) == ("obama", "Barack Obama", "wanted")
    assert event.score > 0.5
    assert event.distance < 0.6
    assert event.model == "dlib-resnet-v1"
    assert (event.camera_id, event.track_id) == ("cam-1", "7")
    assert event.probe_sha256 == hashlib.sha256(b"crop of track 7").hexdigest()
    with enrolled.database.session() as session:
        obama_photo = session.scalars(
            select(FaceSubjectImage.sha256).where(FaceSubjectImage.subject_id == "obama")
        )
        assert event.enrolled_sha256 == obama_photo.one()


def test_a_stranger_raises_nothing_and_a_track_raises_one_candidate(enrolled: FaceWatchlist) -> None:
    assert consumer(enrolled).apply(sighting_event(search_embedding(STRANGER))) == []
    candidate_from_live_sighting(enrolled)
    again = sighting_event(search_embedding(OBAMA_PROBE))  # the same track's next best face
    assert consumer(enrolled).apply(again) == []


def test_a_redelivered_sighting_republishes_the_same_candidate_event(enrolled: FaceWatchlist) -> None:
    sighting = sighting_event(search_embedding(OBAMA_PROBE))
    [first] = consumer(enrolled).apply(sighting)
    [second] = consumer(enrolled).apply(sighting)
    assert first.id == second.id


def test_two_different_people_confirm_a_match(enrolled: FaceWatchlist) -> None:
    candidate_id = candidate_from_live_sighting(enrolled).candidate_id
    with enrolled.database.session() as session:
        candidate, events = decide(
            session, candidate_id, Decision.CONFIRM, "looks alike", OPERATOR, purpose=PURPOSE
        )
        assert (candidate.status, events) == ("pending", [])
    with enrolled.database.session() as session:
        candidate, events = decide(session, candidate_id, Decision.CONFIRM, "", SUPERVISOR, purpose=PURPOSE)
        assert candidate.status == "confirmed"
    [confirmed] = [e for e in events if isinstance(e, FaceMatchConfirmedEvent)]
    assert confirmed.confirmed_by == ["operator", "supervisor"]
    with enrolled.database.session() as session:
        audited = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "face.candidate.decision")
        ).all()
        assert [(a.actor, a.purpose) for a in audited] == [("operator", PURPOSE), ("supervisor", PURPOSE)]


def test_the_same_person_cannot_confirm_twice_and_a_reject_ends_it(enrolled: FaceWatchlist) -> None:
    candidate_id = candidate_from_live_sighting(enrolled).candidate_id
    with enrolled.database.session() as session:
        decide(session, candidate_id, Decision.CONFIRM, "", OPERATOR, purpose=PURPOSE)
    with (
        pytest.raises(DecisionConflictError, match="already decided"),
        enrolled.database.session() as session,
    ):
        decide(session, candidate_id, Decision.CONFIRM, "", OPERATOR, purpose=PURPOSE)
    with enrolled.database.session() as session:
        candidate, _ = decide(
            session, candidate_id, Decision.REJECT, "different ears", SUPERVISOR, purpose=PURPOSE
        )
        assert candidate.status == "rejected"
    with (
        pytest.raises(DecisionConflictError, match="already rejected"),
        enrolled.database.session() as session,
    ):
        decide(session, candidate_id, Decision.CONFIRM, "", Actor("admin", "admin"), purpose=PURPOSE)


def test_the_alerts_consumer_confirms_the_candidates_alert_from_the_match(enrolled: FaceWatchlist) -> None:
    alerts = AlertConsumer(enrolled.database, EmbeddedBus(enrolled.database))
    event = candidate_from_live_sighting(enrolled)
    alerts.apply(event)
    for actor in (OPERATOR, SUPERVISOR):
        with enrolled.database.session() as session:
            _, published = decide(session, event.candidate_id, Decision.CONFIRM, "", actor, purpose=PURPOSE)
    [match] = [e for e in published if isinstance(e, FaceMatchConfirmedEvent)]
    [confirmed] = alerts.apply(match)
    assert alerts.apply(match) == []  # a redelivered match changes nothing
    with enrolled.database.session() as session:
        alert = session.scalars(select(Alert).where(Alert.source_event_id == str(event.id))).one()
        assert (alert.status, alert.confirmed_by) == ("confirmed", "operator,supervisor")
    assert isinstance(confirmed, AlertUpdated)
    assert (confirmed.action, confirmed.actor) == ("confirmed", "operator,supervisor")
