"""Enrolment, 1:N identification and investigation, deletion and model separation of the face watchlist."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from sqlalchemy import func
from sqlalchemy import select

from safecity.core.audit.models import AuditEntry
from safecity.core.db import utcnow
from safecity.faces.watchlist.models import FaceSubjectImage
from safecity.faces.watchlist.models import FaceVector
from safecity.faces.watchlist.runtime import FaceWatchlist
from safecity.faces.watchlist.schemas import SubjectPatch
from safecity.faces.watchlist.service import SubjectConflictError
from safecity.faces.watchlist.service import SubjectNotFoundError
from safecity.vision.faces import DLIB_RESNET
from safecity.vision.faces import Embedding
from safecity.vision.faces import EmbeddingModel
from safecity.vision.faces import ModelMismatchError
from safecity.vision.faces import NoUsableFaceError
from safecity.vision.faces import SearchMode
from tests.faces.support import OBAMA
from tests.faces.support import OBAMA_PROBE
from tests.faces.support import OBAMA_TOO_SMALL
from tests.faces.support import STRANGER
from tests.faces.support import no_face_jpeg
from tests.faces.support import photo
from tests.faces.support import pipelines
from tests.faces.watchlist.conftest import MANAGER
from tests.faces.watchlist.conftest import subject

OTHER_MODEL = EmbeddingModel("other-embedder-v2", dim=128, metric="cosine", threshold=0.4, score_scale=0.05)


def probe(relative: str) -> Embedding:
    faces = pipelines()["search"].analyse(photo(relative))
    assert faces[0].embedding is not None
    return faces[0].embedding


def vectors_of(watchlist: FaceWatchlist, subject_id: str) -> int:
    with watchlist.database.session() as session:
        query = select(func.count()).select_from(FaceVector).where(FaceVector.subject_id == subject_id)
        return int(session.scalar(query) or 0)


def test_another_photo_of_an_enrolled_person_identifies_them_first(enrolled: FaceWatchlist) -> None:
    [face] = enrolled.identify(photo(OBAMA_PROBE))
    assert face.candidates[0].subject_id == "obama"
    assert face.candidates[0].name == "Barack Obama"
    assert face.candidates[0].score > 0.5
    assert [c.subject_id for c in face.candidates] == ["obama"]  # identification: only within the threshold


def test_a_stranger_has_no_candidate_but_an_investigation_ranks_everyone(enrolled: FaceWatchlist) -> None:
    [identified] = enrolled.identify(photo(STRANGER), mode=SearchMode.IDENTIFICATION)
    assert identified.candidates == []

    [investigated] = enrolled.identify(photo(STRANGER), mode=SearchMode.INVESTIGATION, k=3)
    distances = [c.distance for c in investigated.candidates]
    assert len(distances) == 3
    assert distances == sorted(distances)
    assert all(c.score < 0.5 for c in investigated.candidates)  # all beyond the threshold


def test_an_image_without_a_usable_face_is_refused_with_the_reason(watchlist: FaceWatchlist) -> None:
    watchlist.create_subject(subject("obama", "Barack Obama"), MANAGER)
    with pytest.raises(NoUsableFaceError, match="no face found"):
        watchlist.enrol("obama", no_face_jpeg(), MANAGER)
    with pytest.raises(NoUsableFaceError, match=r"face too small \(63 px < 80 px\)"):
        watchlist.enrol("obama", photo(OBAMA_TOO_SMALL), MANAGER)  # passes the search gate, not enrolment's
    assert vectors_of(watchlist, "obama") == 0


def test_enrolment_stores_the_photo_the_face_and_its_model(watchlist: FaceWatchlist) -> None:
    watchlist.create_subject(subject("obama", "Barack Obama"), MANAGER)
    image, _ = watchlist.enrol("obama", photo(OBAMA), MANAGER)

    assert watchlist.media.read_bytes(image.sha256, verify=True) == photo(OBAMA)
    with watchlist.database.session() as session:
        [vector] = session.scalars(select(FaceVector)).all()
        assert (vector.model_id, vector.dim, len(vector.vector)) == (DLIB_RESNET.id, 128, 128 * 4)
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
    assert actions == ["face_subject.create", "face_subject.image.add"]


def test_subject_ids_are_unique_and_unknown_ones_are_named(watchlist: FaceWatchlist) -> None:
    watchlist.create_subject(subject("obama", "Barack Obama"), MANAGER)
    with pytest.raises(SubjectConflictError):
        watchlist.create_subject(subject("obama", "Someone else"), MANAGER)
    with pytest.raises(SubjectNotFoundError, match="'nobody'"):
        watchlist.enrol("nobody", photo(OBAMA), MANAGER)


def test_deleting_a_subject_removes_its_vectors_from_the_database_and_the_index(
    enrolled: FaceWatchlist,
) -> None:
    assert enrolled.gallery.size(DLIB_RESNET.id) == 4
    enrolled.delete_subject("obama", MANAGER)

    assert vectors_of(enrolled, "obama") == 0
    assert enrolled.gallery.size(DLIB_RESNET.id) == 3
    [face] = enrolled.identify(photo(OBAMA_PROBE), mode=SearchMode.INVESTIGATION, k=10)
    assert "obama" not in [c.subject_id for c in face.candidates]


def test_deleting_one_image_keeps_the_subjects_other_photos(enrolled: FaceWatchlist) -> None:
    second, _ = enrolled.enrol("obama", photo("obama/obama3.jpg"), MANAGER)
    assert enrolled.gallery.size(DLIB_RESNET.id) == 5
    enrolled.delete_image("obama", second.id, MANAGER)

    assert (vectors_of(enrolled, "obama"), enrolled.gallery.size(DLIB_RESNET.id)) == (1, 4)
    assert enrolled.identify(photo(OBAMA_PROBE))[0].candidates[0].subject_id == "obama"


def test_an_expired_subject_is_no_longer_matched(enrolled: FaceWatchlist) -> None:
    enrolled.update_subject("obama", SubjectPatch(expires_at=utcnow() - timedelta(minutes=1)), MANAGER)
    [face] = enrolled.identify(photo(OBAMA_PROBE))
    assert face.candidates == []


def test_vectors_of_another_model_are_never_compared(enrolled: FaceWatchlist) -> None:
    # A vector of another model sits in the database beside the dlib ones (same dimension).
    with enrolled.database.session() as session:
        image = session.scalars(select(FaceSubjectImage).where(FaceSubjectImage.subject_id == "biden")).one()
        session.add(
            FaceVector(
                subject_id="biden",
                image_id=image.id,
                model_id=OTHER_MODEL.id,
                dim=128,
                vector=probe(OBAMA_PROBE).vector.tobytes(),  # would be a perfect "match" if it were compared
            )
        )
    enrolled.gallery.register_model(OTHER_MODEL)
    with enrolled.database.session() as session:
        enrolled.gallery.rebuild(session)

    [face] = enrolled.identify(photo(OBAMA_PROBE))
    assert [c.subject_id for c in face.candidates] == ["obama"]
    assert enrolled.gallery.size(DLIB_RESNET.id) == 4
    assert enrolled.gallery.size(OTHER_MODEL.id) == 1

    foreign = Embedding(np.ones(128, dtype=np.float32), OTHER_MODEL)
    dlib_index = enrolled.gallery.index_for(DLIB_RESNET.id)
    assert dlib_index is not None
    with pytest.raises(ModelMismatchError):
        dlib_index.search(foreign, 1)
    assert [c.subject_id for c in enrolled.search(foreign, mode=SearchMode.INVESTIGATION)] == ["biden"]


def test_vectors_of_an_unknown_model_are_skipped_when_the_index_is_built(enrolled: FaceWatchlist) -> None:
    with enrolled.database.session() as session:
        image = session.scalars(select(FaceSubjectImage).where(FaceSubjectImage.subject_id == "biden")).one()
        session.add(
            FaceVector(subject_id="biden", image_id=image.id, model_id="mystery", dim=4, vector=b"\0" * 16)
        )
        enrolled.gallery.rebuild(session)
    assert enrolled.gallery.skipped == 1
    assert enrolled.gallery.size(DLIB_RESNET.id) == 4


def test_another_process_enrolling_is_picked_up_by_the_next_search(enrolled: FaceWatchlist) -> None:
    other_node = FaceWatchlist(enrolled.database, enrolled.media)
    for purpose, pipeline in pipelines().items():
        other_node.set_pipeline(purpose, pipeline)
    other_node.start()
    enrolled.delete_subject("obama", MANAGER)  # on "this" node: the other node's index still has Obama

    [face] = other_node.identify(photo(OBAMA_PROBE))
    assert face.candidates == []  # the version check saw the deletion and rebuilt
