"""`/api/v1/persons`: find a person on other cameras by appearance (re-id), and the camera topology.

A search is a personal-data read like face search: `faces.search`, a stated `purpose` (422 without) and an
audit entry before the route runs. The probe is an uploaded image (its largest person is used; an image
with no person is a 422 naming the reason) or a stored track (`camera_id` + `track_id`).
"""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from typing import Annotated

import numpy as np
from fastapi import APIRouter
from fastapi import Form
from fastapi import Query
from fastapi import UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import AwareDatetime
from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field

from safecity.core.auth.permissions import Permission
from safecity.core.errors import InvalidInputError
from safecity.core.http.access import PersonalDataAccess
from safecity.core.http.access import personal_data_read
from safecity.core.http.actions import action
from safecity.core.http.deps import ServicesDep
from safecity.core.http.outputs import from_row
from safecity.core.http.security import Principal
from safecity.core.http.security import require
from safecity.faces.crop_rows import vector_of
from safecity.persons_search import service
from safecity.persons_search import topology
from safecity.persons_search.ranking import Match
from safecity.persons_search.ranking import Origin
from safecity.persons_search.retention import APPEARANCE_CROPS
from safecity.persons_search.runtime import PersonProbeDep
from safecity.vision.faces import ImageInputError
from safecity.vision.faces.image_input import decode_image
from safecity.vision.reid import NoPersonError

router = APIRouter(prefix="/api/v1/persons", tags=["persons search"])
SearchAccess = Annotated[PersonalDataAccess, personal_data_read(Permission.FACES_SEARCH, "person.search")]


class PersonMatchOut(BaseModel):
    appearance_id: int
    camera_id: str
    track_id: str
    first_seen: datetime
    last_seen: datetime
    crop_sha256: str = Field(description="Best crop of the track: GET /api/v1/media/{sha256}.")
    similarity: float = Field(description="Appearance cosine similarity to the probe (1 = same look).")
    score: float = Field(
        description="Similarity re-ranked by the camera topology; results are in this order."
    )
    travel_seconds: float | None = Field(
        description="Usual travel time from the probe's camera when the two are linked neighbours."
    )


class PersonSearchOut(BaseModel):
    model: str
    probe: str = Field(description="upload, or the probe track as camera_id/track_id")
    matches: list[PersonMatchOut]


@router.post("/search", response_model=PersonSearchOut)
async def search(
    since: Annotated[AwareDatetime, Query()],
    until: Annotated[AwareDatetime, Query()],
    services: ServicesDep,
    probe: PersonProbeDep,
    access: SearchAccess,
    file: UploadFile | None = None,
    camera_id: Annotated[str | None, Form(description="Probe track's camera (instead of a file).")] = None,
    track_id: Annotated[str | None, Form(description="Probe track's id on that camera.")] = None,
    cameras: Annotated[list[str] | None, Query(description="Limit to these cameras (repeatable).")] = None,
    k: Annotated[int, Query(ge=1, le=200)] = 20,
    min_similarity: Annotated[float, Query(ge=-1, le=1)] = service.DEFAULT_MIN_SIMILARITY,
    neighbours_only: Annotated[bool, Query(description="Only cameras linked to the probe's.")] = False,
) -> PersonSearchOut:
    """Tracks in [since, until] that look like the probe, best first. A probe track's own camera is left
    out and the camera topology re-ranks the rest (neighbours seen about one usual travel time away first)."""
    if until < since:
        raise InvalidInputError("until is before since", field="until", location="query")
    if (file is None) == (camera_id is None or track_id is None):
        raise InvalidInputError("give either a file or both camera_id and track_id", field="file")
    data = await file.read() if file is not None else b""
    retention_days = APPEARANCE_CROPS.days(services.settings.retention)

    def run() -> PersonSearchOut:
        embedder = probe.embedder()
        origin: Origin | None = None
        exclude = None
        with services.database.session() as session:
            if file is not None:
                try:
                    image = decode_image(data, name=file.filename or "the upload")
                    vector = probe.vector(image)
                except (ImageInputError, NoPersonError) as error:
                    raise InvalidInputError(str(error), field="file") from error
                label = "upload"
            else:
                assert camera_id is not None
                assert track_id is not None
                row = service.track_appearance(session, camera_id, track_id)
                if row.model_id != embedder.model_id:
                    raise InvalidInputError(
                        f"track {track_id} was embedded with {row.model_id}, this node runs "
                        f"{embedder.model_id}",
                        field="track_id",
                    )
                vector, origin, exclude = vector_of(row), service.origin_of(row), row.id
                label = f"{camera_id}/{track_id}"
            matches = service.search(
                session,
                np.asarray(vector, dtype=np.float32),
                embedder.model_id,
                since=since,
                until=until,
                origin=origin,
                camera_ids=cameras or (),
                k=k,
                min_similarity=min_similarity,
                neighbours_only=neighbours_only,
                exclude_appearance=exclude,
                retention_days=retention_days,
            )
        return PersonSearchOut(model=embedder.model_id, probe=label, matches=[_out(m) for m in matches])

    return await run_in_threadpool(run)


def _out(match: Match) -> PersonMatchOut:
    return from_row(PersonMatchOut, match, similarity=round(match.similarity, 4))


# --------------------------------------------------------------------------------------------- topology
class CameraLinkOut(BaseModel):
    camera_a: str
    camera_b: str
    travel_seconds: float
    samples: int
    source: str


class CameraLinkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    camera_a: str = Field(min_length=1, max_length=100)
    camera_b: str = Field(min_length=1, max_length=100)
    travel_seconds: float = Field(gt=0, le=86_400)


class LearnLinksIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    days: float = Field(30, gt=0, le=365, description="Plate reads of this many past days.")
    max_gap_minutes: float = Field(60, gt=0, le=1440, description="Longer gaps are not one trip.")
    min_samples: int = Field(3, ge=1, le=1000, description="Trips needed to make a link.")


Reader = Annotated[Principal, require(Permission.CAMERAS_READ)]
Manager = Annotated[Principal, require(Permission.CAMERAS_MANAGE)]


@router.get("/topology", response_model=list[CameraLinkOut])
def list_topology(services: ServicesDep, _: Reader) -> list[CameraLinkOut]:
    """Neighbouring cameras with their usual travel time (learned from plate trajectories, or manual)."""
    with services.database.session() as session:
        return [from_row(CameraLinkOut, link) for link in topology.list_links(session)]


@router.put("/topology", response_model=CameraLinkOut)
def put_link(body: CameraLinkIn, services: ServicesDep, principal: Manager) -> CameraLinkOut:
    """Set a link by hand (it becomes `manual` and learning leaves it alone). Audited."""
    with action(services, principal) as act:
        link = topology.set_link(act.session, body.camera_a, body.camera_b, body.travel_seconds)
        act.audit("camera_link.set", "camera_link", f"{link.camera_a}|{link.camera_b}", **body.model_dump())
        return from_row(CameraLinkOut, link)


@router.delete("/topology/{camera_a}/{camera_b}", status_code=204)
def delete_link(camera_a: str, camera_b: str, services: ServicesDep, principal: Manager) -> None:
    """Remove a link (learned or manual; learning may find a learned one again). Audited."""
    with action(services, principal) as act:
        topology.remove_link(act.session, camera_a, camera_b)
        act.audit("camera_link.delete", "camera_link", f"{camera_a}|{camera_b}")


@router.post("/topology/learn", response_model=list[CameraLinkOut])
def learn_topology(body: LearnLinksIn, services: ServicesDep, principal: Manager) -> list[CameraLinkOut]:
    """Re-learn the links from plate trajectories (a vehicle read at one camera, next at another within the
    gap, is one trip; the median of `min_samples` trips or more is the link's time). Manual links stay."""
    with action(services, principal) as act:
        links = topology.learn_from_plates(
            act.session,
            days=body.days,
            max_gap=timedelta(minutes=body.max_gap_minutes),
            min_samples=body.min_samples,
        )
        act.audit("camera_link.learn", "camera_link", "*", **body.model_dump(), links=len(links))
        return [from_row(CameraLinkOut, link) for link in links]
