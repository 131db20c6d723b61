"""`FaceWatchlist`: enrolment, 1:N identification and live candidate matching over the database, the media
store, the face pipelines and the in-process gallery index (updated only after the database commits).
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from safecity.core.db import Database
from safecity.core.db import utcnow
from safecity.core.media import MediaStore
from safecity.faces.watchlist import candidates as candidate_service
from safecity.faces.watchlist import service
from safecity.faces.watchlist.gallery import Gallery
from safecity.faces.watchlist.gallery import to_embedding
from safecity.faces.watchlist.models import FaceCandidate
from safecity.faces.watchlist.models import FaceSubject
from safecity.faces.watchlist.models import FaceSubjectImage
from safecity.faces.watchlist.models import FaceVector
from safecity.faces.watchlist.schemas import SubjectIn
from safecity.faces.watchlist.schemas import SubjectPatch
from safecity.vision.faces import Embedding
from safecity.vision.faces import EmbeddingModel
from safecity.vision.faces import FacePipeline
from safecity.vision.faces import FaceResult
from safecity.vision.faces import NoUsableFaceError
from safecity.vision.faces import QualityThresholds
from safecity.vision.faces import SearchMode
from safecity.vision.faces import distance
from safecity.vision.faces import primary_face

_CANDIDATE_NAMESPACE = uuid.UUID("9b0f0d5e-1c55-4a4e-a1f6-3c0b8d2e7f41")


def candidate_event_id(sighting_event_id: str, subject_id: str) -> uuid.UUID:
    """Derived from (sighting, subject), so a redelivered sighting republishes the same event ids."""
    if not sighting_event_id:
        return uuid.uuid4()
    return uuid.uuid5(_CANDIDATE_NAMESPACE, f"{sighting_event_id}/{subject_id}")


@dataclass(frozen=True, slots=True)
class SubjectMatch:
    subject_id: str
    name: str
    category: str
    score: float
    distance: float

    def to_dict(self) -> dict[str, object]:
        return {
            "subject": self.subject_id,
            "name": self.name,
            "category": self.category,
            "score": round(self.score, 4),
            "distance": round(self.distance, 4),
        }


@dataclass(frozen=True, slots=True)
class IdentifiedFace:
    face: FaceResult
    candidates: list[SubjectMatch] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "box": self.face.box.as_list(),
            "quality": self.face.quality.to_dict(),
            "model": self.face.embedding.model_id if self.face.embedding is not None else None,
            "candidates": [c.to_dict() for c in self.candidates],
        }


class FaceWatchlist:
    def __init__(
        self,
        database: Database,
        media: MediaStore,
        *,
        gallery: Gallery | None = None,
        search_pipeline: FacePipeline | None = None,
        enrol_pipeline: FacePipeline | None = None,
        investigation_pipeline: FacePipeline | None = None,
    ) -> None:
        self.database = database
        self.media = media
        self.gallery = gallery or Gallery()
        self._pipelines: dict[str, FacePipeline | None] = {
            "search": search_pipeline,
            "enrol": enrol_pipeline,
            "investigation": investigation_pipeline,
        }
        self._lock = threading.Lock()

    # ------------------------------------------------------------------------------------------ pipelines
    def pipeline(self, purpose: str) -> FacePipeline:
        """Pipelines: "search", "enrol" (enrolment thresholds), "investigation" (embeds every face)."""
        with self._lock:
            existing = self._pipelines.get(purpose)
            if existing is None:
                if purpose == "enrol":
                    existing = FacePipeline(thresholds=QualityThresholds.for_enrolment())
                elif purpose == "investigation":
                    existing = FacePipeline(embed_rejected=True)
                else:
                    existing = FacePipeline()
                self._pipelines[purpose] = existing
            self.gallery.register_model(existing.embedder.model)
            return existing

    def set_pipeline(self, purpose: str, pipeline: FacePipeline) -> None:
        """Use `pipeline` for "search", "enrol" or "investigation" (e.g. another detector or embedder)."""
        with self._lock:
            self._pipelines[purpose] = pipeline
        self.gallery.register_model(pipeline.embedder.model)

    def start(self) -> None:
        """Build the gallery index from the database (call once at start; pipelines load on first use)."""
        for pipeline in self._pipelines.values():
            if pipeline is not None:
                self.gallery.register_model(pipeline.embedder.model)
        with self.database.session() as session:
            self.gallery.rebuild(session)

    # ------------------------------------------------------------------------------------------- subjects
    def create_subject(self, data: SubjectIn, actor: service.Actor) -> FaceSubject:
        with self.database.session() as session:
            return service.create_subject(session, data, actor)

    def update_subject(self, subject_id: str, data: SubjectPatch, actor: service.Actor) -> FaceSubject:
        with self.database.session() as session:
            return service.update_subject(session, subject_id, data, actor)

    def delete_subject(self, subject_id: str, actor: service.Actor) -> dict[str, Any]:
        """Delete the subject's rows and vectors, then drop its vectors from the index."""
        with self.database.session() as session:
            details = service.delete_subject(session, subject_id, actor)
        self.gallery.remove(subject_id)
        with self.database.session() as session:
            self.gallery.mark_synced(session)
        return details

    def enrol(
        self,
        subject_id: str,
        data: bytes,
        actor: service.Actor,
        *,
        label: str = "the image",
        suffix: str = ".jpg",
    ) -> tuple[FaceSubjectImage, list[str]]:
        """Add one example photo. Raises NoUsableFaceError (with the reason) when it has no face that passes
        the enrolment quality gate, or more than one; ImageInputError when it cannot be read."""
        with self.database.session() as session:
            service.get_subject(session, subject_id)  # fail before the costly analysis
        faces = self.pipeline("enrol").analyse(data)
        face, notes = primary_face(faces, label)
        usable = [f for f in faces if f.usable]
        if len(usable) > 1:
            raise NoUsableFaceError(
                f"{label} has {len(usable)} faces that pass the enrolment gate; crop it to the subject's face"
            )
        assert face.embedding is not None
        ref = self.media.put_bytes(data, suffix if suffix else "")
        with self.database.session() as session:
            image = service.add_image(session, subject_id, ref.sha256, face, actor, notes)
        self.gallery.add(subject_id, [face.embedding])
        with self.database.session() as session:
            self.gallery.mark_synced(session)
        return image, notes

    def delete_image(self, subject_id: str, image_id: int, actor: service.Actor) -> None:
        with self.database.session() as session:
            service.delete_image(session, subject_id, image_id, actor)
        with self.database.session() as session:
            self.gallery.replace(subject_id, session)
            self.gallery.mark_synced(session)

    # --------------------------------------------------------------------------------------------- search
    def identify(
        self, data: bytes | np.ndarray, *, mode: SearchMode = SearchMode.IDENTIFICATION, k: int = 5
    ) -> list[IdentifiedFace]:
        """Every face of the image with the watchlist subjects it may be (see `search`). Faces that fail the
        search quality gate have no candidates, except in investigation mode, which searches every face."""
        purpose = "investigation" if mode is SearchMode.INVESTIGATION else "search"
        faces = self.pipeline(purpose).analyse(data)
        return [
            IdentifiedFace(face, self.search(face.embedding, mode=mode, k=k) if face.embedding else [])
            for face in faces
        ]

    def search(
        self, probe: Embedding, *, mode: SearchMode = SearchMode.IDENTIFICATION, k: int = 5
    ) -> list[SubjectMatch]:
        """Nearest unexpired subjects among vectors of the probe's model only."""
        with self.database.session() as session:
            return self.search_in(session, probe, mode=mode, k=k)

    def search_in(
        self, session: Session, probe: Embedding, *, mode: SearchMode, k: int
    ) -> list[SubjectMatch]:
        self.gallery.sync(session)
        now = utcnow()
        expired = set(session.scalars(select(FaceSubject.id).where(FaceSubject.expires_at <= now)).all())
        found = self.gallery.search(probe, mode=mode, k=k + len(expired))
        kept = [c for c in found if c.subject not in expired][:k]
        subjects = {
            s.id: s
            for s in session.scalars(select(FaceSubject).where(FaceSubject.id.in_([c.subject for c in kept])))
        }
        return [
            SubjectMatch(
                c.subject, subjects[c.subject].name, subjects[c.subject].category, c.score, c.distance
            )
            for c in kept
            if c.subject in subjects
        ]

    def enrolled_vectors(self, model_id: str | None = None) -> int:
        with self.database.session() as session:
            query = select(func.count()).select_from(FaceVector)
            if model_id is not None:
                query = query.where(FaceVector.model_id == model_id)
            return int(session.scalar(query) or 0)

    # ------------------------------------------------------------------------------------- live matching
    def match_sighting(
        self,
        session: Session,
        probe: Embedding,
        *,
        probe_sha256: str,
        camera_id: str | None,
        track_id: str,
        seen_at: datetime,
        sighting_event_id: str = "",
    ) -> list[FaceCandidate]:
        """Identification-mode search of a live face; each new (subject, track) hit becomes a candidate row.
        Returns the new candidates (publish `candidate_event` for each after commit)."""
        matches = self.search_in(session, probe, mode=SearchMode.IDENTIFICATION, k=3)
        created = []
        for match in matches:
            if candidate_service.find_candidate(session, match.subject_id, camera_id, track_id) is not None:
                continue
            enrolled_sha = self._nearest_image(session, match.subject_id, probe)
            candidate = FaceCandidate(
                event_id=str(candidate_event_id(sighting_event_id, match.subject_id)),
                sighting_event_id=sighting_event_id,
                subject_id=match.subject_id,
                subject_name=match.name,
                category=match.category,
                score=round(match.score, 4),
                distance=round(match.distance, 4),
                model_id=probe.model_id,
                probe_sha256=probe_sha256,
                enrolled_sha256=enrolled_sha,
                camera_id=camera_id,
                track_id=track_id,
                seen_at=seen_at,
            )
            session.add(candidate)
            session.flush()
            created.append(candidate)
        return created

    def _nearest_image(self, session: Session, subject_id: str, probe: Embedding) -> str:
        model: EmbeddingModel = probe.model
        best_sha, best = "", float("inf")
        for sha, data in service.subject_vectors(session, subject_id, model.id):
            d = distance(probe, to_embedding(data, model))
            if d < best:
                best_sha, best = sha, d
        return best_sha


def image_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
