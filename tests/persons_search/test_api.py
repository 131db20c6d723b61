"""`/api/v1/persons/search`: find a person's tracks on other cameras, purpose-bound and audited."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

import cv2
import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from safecity.config import Settings
from safecity.core.audit.models import AuditEntry
from safecity.core.db import Database
from safecity.persons_search.service import store_appearance
from safecity.vision.models import ModelRegistry
from safecity.vision.reid import PersonReidEmbedder
from safecity.vision.reid import track_appearance
from tests.api.conftest import auth
from tests.persons_search.support import DETECTOR_MODEL
from tests.persons_search.support import REID_MODEL
from tests.persons_search.support import VTEST
from tests.persons_search.support import appearance_event
from tests.persons_search.support import synthetic_person

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
PURPOSE = "missing child report 77"


SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def install_models(settings: Settings) -> None:
    """The detector and the re-id model in the node's model registry (read on the first search)."""
    if not (REID_MODEL.is_file() and DETECTOR_MODEL.is_file()):
        pytest.skip("shared detector or re-id model not found (set SAFECITY_SHARED_DIR)")
    registry = ModelRegistry(settings.models_dir)
    registry.import_file(DETECTOR_MODEL, name="yolox-nano", kind="detector", output_format="yolox")
    registry.import_file(REID_MODEL, name="person-reid-0248", kind="person-reid")


@pytest.fixture
def api(client: TestClient, settings: Settings) -> TestClient:
    install_models(settings)
    return client


def database_of(client: TestClient) -> Database:
    return client.app.state.services.database  # type: ignore[attr-defined]


def store(client: TestClient, vector: np.ndarray, camera: str, track: str, after: float, model: str) -> None:
    first = T0 + timedelta(seconds=after)
    event = appearance_event(
        vector,
        camera_id=camera,
        track_id=track,
        first_seen=first,
        last_seen=first + timedelta(seconds=20),
        model=model,
    )
    with database_of(client).session() as session:
        store_appearance(session, event)


def person(embedder: PersonReidEmbedder, index: int, first_view: int) -> np.ndarray:
    return track_appearance(
        [embedder.embed(synthetic_person(index, v)) for v in range(first_view, first_view + 3)]
    )


def window() -> dict[str, str]:
    return {"since": (T0 - timedelta(minutes=5)).isoformat(), "until": (T0 + timedelta(hours=1)).isoformat()}


def test_a_track_is_found_on_other_cameras_and_the_neighbour_at_the_usual_time_first(
    api: TestClient, embedder: PersonReidEmbedder
) -> None:
    model = embedder.model_id
    store(api, person(embedder, 0, 10), "gate", "g1", 0, model)
    store(api, person(embedder, 0, 20), "gate", "g2", 30, model)  # the probe's own camera: left out
    store(api, person(embedder, 0, 30), "market", "m1", 110, model)  # 90 s after leaving the gate
    store(api, person(embedder, 0, 40), "park", "p1", 25, model)  # 5 s after: far too fast for the park
    store(api, person(embedder, 3, 50), "market", "m2", 110, model)  # someone else
    headers, admin = auth(api, "investigator"), auth(api, "admin")
    for body in ({"camera_a": "gate", "camera_b": "market", "travel_seconds": 90},
                 {"camera_a": "park", "camera_b": "gate", "travel_seconds": 600}):  # fmt: skip
        assert api.put("/api/v1/persons/topology", json=body, headers=admin).status_code == 200

    response = api.post(
        "/api/v1/persons/search",
        params={**window(), "purpose": PURPOSE, "min_similarity": 0.84},
        data={"camera_id": "gate", "track_id": "g1"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    found = response.json()
    assert found["probe"] == "gate/g1"
    assert [(m["camera_id"], m["track_id"]) for m in found["matches"]] == [("market", "m1"), ("park", "p1")]
    best = found["matches"][0]
    assert best["travel_seconds"] == 90
    assert best["score"] <= best["similarity"]
    assert len(best["crop_sha256"]) == 64

    only_market = api.post(
        "/api/v1/persons/search",
        params={**window(), "purpose": PURPOSE, "cameras": ["market"], "min_similarity": 0.84},
        data={"camera_id": "gate", "track_id": "g1"},
        headers=headers,
    ).json()
    assert [m["track_id"] for m in only_market["matches"]] == ["m1"]

    with database_of(api).session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "person.search")).first()
        assert entry is not None
        assert entry.purpose == PURPOSE


@SQLITE_ONLY
def test_bad_queries_are_refused_with_the_reason(client: TestClient, settings: Settings) -> None:
    headers = auth(client, "investigator")
    track = {"camera_id": "gate", "track_id": "g1"}
    with_purpose = {**window(), "purpose": PURPOSE}

    def search(params: dict[str, str], **request: object) -> tuple[int, str]:
        response = client.post("/api/v1/persons/search", params=params, headers=headers, **request)
        return response.status_code, response.text

    code, text = search(with_purpose, data=track)
    assert (code, "no re-id model installed" in text) == (503, True)
    install_models(settings)

    assert search(window(), data=track)[0] == 422  # no purpose
    code, text = search(with_purpose)
    assert (code, "either a file or both camera_id and track_id" in text) == (422, True)
    assert search(with_purpose, data=track)[0] == 404  # no such track stored
    wall = cv2.resize(np.random.default_rng(3).integers(0, 255, (12, 16, 3), dtype=np.uint8), (320, 240))
    code, text = search(with_purpose, files={"file": ("wall.jpg", cv2.imencode(".jpg", wall)[1].tobytes())})
    assert (code, "no person found in the image" in text) == (422, True)
    code, text = search(with_purpose, files={"file": ("x.jpg", b"not an image")})
    assert (code, "not a readable image" in text) == (422, True)


@SQLITE_ONLY
def test_an_uploaded_photo_finds_the_track_of_the_person_in_it(
    api: TestClient, embedder: PersonReidEmbedder
) -> None:
    if not VTEST.is_file():
        pytest.skip(f"{VTEST} not found")
    capture = cv2.VideoCapture(str(VTEST))
    capture.set(cv2.CAP_PROP_POS_FRAMES, 100)
    ok, frame = capture.read()
    capture.release()
    assert ok
    walker, other = frame[197:274, 346:379], frame[154:236, 587:619]  # two people of frame 100
    store(api, embedder.embed(other), "market", "m7", 60, embedder.model_id)
    store(api, embedder.embed(walker), "market", "m8", 60, embedder.model_id)
    store(api, person(embedder, 2, 0), "park", "p3", 60, embedder.model_id)
    ok, photo = cv2.imencode(".png", frame[170:300, 320:400])  # the walker with some street around
    assert ok

    response = api.post(
        "/api/v1/persons/search",
        params={**window(), "purpose": PURPOSE, "min_similarity": 0},
        files={"file": ("walker.png", photo.tobytes(), "image/png")},
        headers=auth(api, "investigator"),
    )
    assert response.status_code == 200, response.text
    matches = response.json()["matches"]
    assert response.json()["probe"] == "upload"
    assert matches[0]["track_id"] == "m8"
    assert matches[0]["similarity"] > 0.7


@SQLITE_ONLY
def test_topology_edits_are_manual_and_need_camera_management(client: TestClient) -> None:
    admin, operator = auth(client, "admin"), auth(client, "operator")
    body = {"camera_a": "market", "camera_b": "gate", "travel_seconds": 75}
    assert client.put("/api/v1/persons/topology", json=body, headers=operator).status_code == 403
    saved = client.put("/api/v1/persons/topology", json=body, headers=admin).json()
    assert saved == {
        "camera_a": "gate",
        "camera_b": "market",
        "travel_seconds": 75.0,
        "samples": 0,
        "source": "manual",
    }
    itself = {"camera_a": "gate", "camera_b": "gate", "travel_seconds": 5}
    assert client.put("/api/v1/persons/topology", json=itself, headers=admin).status_code == 422
    learned = client.post("/api/v1/persons/topology/learn", json={}, headers=admin).json()
    assert [link["source"] for link in learned] == ["manual"]  # no plate reads: nothing learned, manual kept
    assert client.delete("/api/v1/persons/topology/market/gate", headers=admin).status_code == 204
    assert client.get("/api/v1/persons/topology", headers=operator).json() == []
